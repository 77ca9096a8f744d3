package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** An order of this system was placed (order-created.schema.json). */
public record OrderCreated(UUID eventId, UUID orderId, String merchantOrderNo, String clientId, long amount,
                           String currency, OrderStatus status, Instant createdAt, Instant expiresAt)
        implements Event {

    public static final String TYPE = "OrderCreated";

    static OrderCreated from(JsonObject json) {
        return new OrderCreated(Fields.uuid(json, "eventId"), Fields.uuid(json, "orderId"),
                Fields.string(json, "merchantOrderNo"), Fields.string(json, "clientId"), Fields.integer(json, "amount"),
                Fields.string(json, "currency"), Fields.constant(json, "status", OrderStatus.class),
                Fields.instant(json, "createdAt"), Fields.instant(json, "expiresAt"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("eventId", eventId.toString()).add("orderId", orderId.toString())
                .add("merchantOrderNo", merchantOrderNo).add("clientId", clientId).add("amount", amount)
                .add("currency", currency).add("status", status.name())
                .add("createdAt", createdAt.toString()).add("expiresAt", expiresAt.toString()).build();
    }
}
