package io.exactpay.application.webhook;

import io.exactpay.application.OrderView;
import io.exactpay.domain.model.webhook.DeliveryStatus;
import io.exactpay.domain.model.webhook.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records an event for each endpoint of the order's client that subscribed to it, inside the
 * transaction that publishes the event: the rows commit or roll back with the change behind it.
 * Sending happens later, after commit ({@link WebhookDispatchTask}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookOutbox {

    /** Looked up once: {@code Json.create...} asks the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private WebhookSettings settings;

    /** {@code event} is the event's JSON as published: its fields become the payload's data. */
    public void record(OrderView order, String type, String event) {
        List<WebhookEndpoint> endpoints = em.createQuery("select e from WebhookEndpoint e"
                        + " where e.clientId = :client and e.disabledAt is null", WebhookEndpoint.class)
                .setParameter("client", order.clientId()).getResultList()
                .stream().filter(e -> e.subscribesTo(type)).toList();
        if (endpoints.isEmpty()) return;
        JsonObject fields;
        try (JsonReader reader = JSON.createReader(new StringReader(event))) {
            fields = reader.readObject();
        }
        Instant now = clock.instant();
        String payload = payload(type, fields, now);
        UUID eventId = UUID.fromString(fields.getString("eventId"));
        Instant retryUntil = settings.retrySchedule().windowFrom(now);
        for (WebhookEndpoint endpoint : endpoints) {
            em.createNativeQuery("insert into webhook_delivery (id, endpoint_id, event_id, event_type, order_id,"
                            + " payload, status, attempts, created_at, next_attempt_at, retry_until)"
                            + " values (?::uuid, ?::uuid, ?::uuid, ?, ?::uuid, ?, ?, 0, ?, ?, ?)")
                    .setParameter(1, UUID.randomUUID().toString()).setParameter(2, endpoint.id().toString())
                    .setParameter(3, eventId.toString()).setParameter(4, type).setParameter(5, order.id().toString()).setParameter(6, payload)
                    .setParameter(7, DeliveryStatus.PENDING.name()).setParameter(8, utc(now))
                    .setParameter(9, utc(now)).setParameter(10, utc(retryUntil))
                    .executeUpdate();
        }
    }

    /**
     * The Standard Webhooks payload shape ({@code type}, {@code timestamp}, {@code data}): the
     * event's fields plus the amount as text and the sentence for the payer.
     */
    static String payload(String type, JsonObject fields, Instant now) {
        var data = JSON.createObjectBuilder(fields);
        if (fields.containsKey("amount")) data.add("amountText", PayerMessage.amountText(fields));
        data.add("payerMessage", PayerMessage.of(type, fields));
        return JSON.createObjectBuilder().add("type", type).add("timestamp", now.toString())
                .add("data", data).build().toString();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
