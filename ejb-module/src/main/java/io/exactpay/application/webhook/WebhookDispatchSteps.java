package io.exactpay.application.webhook;

import io.exactpay.domain.model.webhook.DeliveryStatus;
import io.exactpay.domain.model.webhook.WebhookEndpoint;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.exactpay.application.webhook.WebhookOutbox.utc;

/** The dispatcher's database steps, each its own short transaction; no HTTP call inside one. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDispatchSteps {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private WebhookSettings settings;

    /**
     * Due deliveries of enabled endpoints, claimed for one lease: rows another instance is
     * claiming are skipped, and a claimed row is not due again until the lease ends, so a sender
     * that dies mid-send is followed by another attempt.
     */
    @SuppressWarnings("unchecked")
    public List<OutgoingWebhook> claimDue(int limit) {
        Instant now = clock.instant();
        List<Object[]> rows = em.createNativeQuery("select d.id::text, d.event_id::text, d.payload, d.endpoint_id::text"
                        + " from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= ? and e.disabled_at is null"
                        + " order by d.next_attempt_at limit ? for update of d skip locked")
                .setParameter(1, utc(now)).setParameter(2, limit).getResultList();
        List<OutgoingWebhook> claimed = new ArrayList<>();
        OffsetDateTime leaseUntil = utc(now.plus(settings.claimLease()));
        for (Object[] row : rows) {
            em.createNativeQuery("update webhook_delivery set next_attempt_at = ? where id = ?::uuid")
                    .setParameter(1, leaseUntil).setParameter(2, row[0]).executeUpdate();
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, UUID.fromString((String) row[3]));
            claimed.add(new OutgoingWebhook(UUID.fromString((String) row[0]), (String) row[1], endpoint.url(),
                    endpoint.signingSecrets(now), (String) row[2]));
        }
        return claimed;
    }

    /**
     * Records the attempt and what follows: DELIVERED on 2xx; otherwise the next attempt by the
     * retry schedule, or DEAD when it would fall past the delivery's window.
     */
    public DeliveryStatus record(UUID deliveryId, SendOutcome outcome) {
        em.createNativeQuery("insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms,"
                        + " response_excerpt, error) values (?::uuid, ?, nullif(?, -1), ?, nullif(?, ''), nullif(?, ''))")
                .setParameter(1, deliveryId.toString()).setParameter(2, utc(outcome.attemptedAt()))
                .setParameter(3, outcome.statusCode() == null ? -1 : outcome.statusCode())
                .setParameter(4, outcome.latencyMs())
                .setParameter(5, outcome.responseExcerpt() == null ? "" : outcome.responseExcerpt())
                .setParameter(6, outcome.error() == null ? "" : outcome.error())
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select attempts, retry_until from webhook_delivery"
                        + " where id = ?::uuid for update")
                .setParameter(1, deliveryId.toString()).getSingleResult();
        int attempts = ((Number) row[0]).intValue() + 1;
        Instant now = clock.instant();
        if (outcome.delivered()) {
            em.createNativeQuery("update webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ?"
                            + " where id = ?::uuid")
                    .setParameter(1, attempts).setParameter(2, utc(now)).setParameter(3, deliveryId.toString())
                    .executeUpdate();
            return DeliveryStatus.DELIVERED;
        }
        Optional<Instant> next = settings.retrySchedule().nextAttempt(attempts, now, instant(row[1]));
        em.createNativeQuery("update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?"
                        + " where id = ?::uuid")
                .setParameter(1, next.isPresent() ? DeliveryStatus.PENDING.name() : DeliveryStatus.DEAD.name())
                .setParameter(2, attempts).setParameter(3, utc(next.orElse(now)))
                .setParameter(4, deliveryId.toString()).executeUpdate();
        return next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.DEAD;
    }

    /**
     * One batch of the attempt log older than the cutoff, of deliveries that are over (DELIVERED or
     * DEAD). A delivery still being retried keeps its whole log; the delivery rows themselves (what
     * the merchant was sent, and how many attempts it took) stay.
     */
    public int forgetFinishedAttempts(Instant cutoff, int batch) {
        return em.createNativeQuery("delete from webhook_attempt where id in (select a.id from webhook_attempt a"
                        + " join webhook_delivery d on d.id = a.delivery_id where a.attempted_at < ?1"
                        + " and d.status <> 'PENDING' limit ?2)")
                .setParameter(1, utc(cutoff)).setParameter(2, batch).executeUpdate();
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) return odt.toInstant();
        if (value instanceof java.sql.Timestamp ts) return ts.toInstant();
        if (value instanceof java.util.Date date) return date.toInstant();
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
