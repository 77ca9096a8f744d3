package io.exactpay.application.internal;

import io.exactpay.application.WebhookDeliveryView;
import io.exactpay.application.WebhookEndpointView;
import io.exactpay.application.WebhookSecretIssued;
import io.exactpay.application.WebhookService;
import io.exactpay.application.support.StaffActions;
import io.exactpay.application.webhook.WebhookSettings;
import io.exactpay.domain.model.webhook.WebhookDeliveryNotFoundException;
import io.exactpay.domain.model.webhook.WebhookEndpoint;
import io.exactpay.domain.model.webhook.WebhookEndpointNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultWebhookService implements WebhookService {

    private static final Logger LOG = Logger.getLogger(DefaultWebhookService.class.getName());

    private static final String DELIVERY_COLUMNS = "d.id::text, d.endpoint_id::text, d.event_id::text, d.event_type,"
            + " d.order_id::text, d.status, d.attempts, d.created_at, d.next_attempt_at, d.delivered_at, d.payload";

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private StaffActions staffActions;

    @Inject
    private WebhookSettings settings;

    @Override
    public WebhookSecretIssued register(String clientId, String url, List<String> eventTypes) {
        WebhookEndpoint endpoint = new WebhookEndpoint(clientId, url, eventTypes, clock.instant());
        em.persist(endpoint);
        return new WebhookSecretIssued(WebhookEndpointView.of(endpoint), endpoint.secret());
    }

    @Override
    public List<WebhookEndpointView> endpoints(Optional<String> clientId) {
        var query = em.createQuery("select e from WebhookEndpoint e"
                + (clientId.isPresent() ? " where e.clientId = :client" : "") + " order by e.createdAt",
                WebhookEndpoint.class);
        clientId.ifPresent(client -> query.setParameter("client", client));
        return query.getResultList().stream().map(WebhookEndpointView::of).toList();
    }

    @Override
    public WebhookSecretIssued rotateSecret(String clientId, UUID endpointId) {
        WebhookEndpoint endpoint = endpoint(Optional.of(clientId), endpointId, true);
        if (!endpoint.enabled()) throw new WebhookEndpointNotFoundException(endpointId.toString());
        String secret = endpoint.rotateSecret(settings.rotationOverlap(), clock.instant());
        return new WebhookSecretIssued(WebhookEndpointView.of(endpoint), secret);
    }

    @Override
    public WebhookEndpointView disable(String clientId, UUID endpointId) {
        WebhookEndpoint endpoint = endpoint(Optional.of(clientId), endpointId, true);
        endpoint.disable(clock.instant());
        return WebhookEndpointView.of(endpoint);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<WebhookDeliveryView> deliveries(Optional<String> clientId, UUID endpointId, int limit) {
        endpoint(clientId, endpointId, false);
        List<Object[]> rows = em.createNativeQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery d"
                        + " where d.endpoint_id = ?::uuid order by d.created_at desc, d.id limit ?")
                .setParameter(1, endpointId.toString()).setParameter(2, limit).getResultList();
        return rows.stream().map(this::delivery).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public WebhookDeliveryView delivery(Optional<String> clientId, UUID deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery d"
                        + " join webhook_endpoint e on e.id = d.endpoint_id where d.id = ?::uuid"
                        + " and (? = '' or e.client_id = ?)")
                .setParameter(1, deliveryId.toString()).setParameter(2, clientId.orElse(""))
                .setParameter(3, clientId.orElse("")).getResultList();
        if (rows.isEmpty()) throw new WebhookDeliveryNotFoundException(deliveryId.toString());
        return delivery(rows.get(0));
    }

    @Override
    public WebhookDeliveryView resend(UUID deliveryId, String actor) {
        Instant now = clock.instant();
        int changed = em.createNativeQuery("update webhook_delivery set status = 'PENDING', next_attempt_at = ?,"
                        + " retry_until = ?, delivered_at = null where id = ?::uuid")
                .setParameter(1, now.atOffset(java.time.ZoneOffset.UTC))
                .setParameter(2, settings.retrySchedule().windowFrom(now).atOffset(java.time.ZoneOffset.UTC))
                .setParameter(3, deliveryId.toString()).executeUpdate();
        if (changed == 0) throw new WebhookDeliveryNotFoundException(deliveryId.toString());
        LOG.info(() -> "webhook delivery " + deliveryId + " resent by " + actor);
        WebhookDeliveryView resent = delivery(Optional.empty(), deliveryId);
        staffActions.record(actor, "WEBHOOK_RESENT", deliveryId.toString(), resent.orderId(),
                resent.eventType() + " to endpoint " + resent.endpointId());
        return resent;
    }

    /** The endpoint when the client may reach it (staff: any); another client's is not found. */
    private WebhookEndpoint endpoint(Optional<String> clientId, UUID endpointId, boolean forUpdate) {
        WebhookEndpoint endpoint = forUpdate ? em.find(WebhookEndpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || clientId.filter(client -> !client.equals(endpoint.clientId())).isPresent()) {
            throw new WebhookEndpointNotFoundException(endpointId.toString());
        }
        return endpoint;
    }

    @SuppressWarnings("unchecked")
    private WebhookDeliveryView delivery(Object[] row) {
        List<Object[]> attempts = em.createNativeQuery("select attempted_at, status_code, latency_ms, response_excerpt,"
                        + " error from webhook_attempt where delivery_id = ?::uuid order by attempted_at, id")
                .setParameter(1, row[0]).getResultList();
        return new WebhookDeliveryView(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                UUID.fromString((String) row[2]), (String) row[3], UUID.fromString((String) row[4]), (String) row[5],
                ((Number) row[6]).intValue(), instant(row[7]), instant(row[8]), instant(row[9]), (String) row[10],
                attempts.stream().map(a -> new WebhookDeliveryView.Attempt(instant(a[0]),
                        a[1] == null ? null : ((Number) a[1]).intValue(), ((Number) a[2]).longValue(),
                        (String) a[3], (String) a[4])).toList());
    }

    private static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant();
        if (value instanceof java.util.Date date) return date.toInstant();
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
