package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** The answer to {@link QueryOrder} and {@link CancelOrder} (order-state.schema.json). */
public record OrderState(UUID orderId, String merchantOrderNo, long amount, String currency, String subject,
                         OrderStatus status, long revision, Instant createdAt, Instant expiresAt) implements Reply {

    public static final String TYPE = "OrderState";

    static OrderState from(JsonObject json) {
        return new OrderState(Fields.uuid(json, "orderId"), Fields.string(json, "merchantOrderNo"),
                Fields.integer(json, "amount"), Fields.string(json, "currency"), Fields.string(json, "subject"),
                Fields.constant(json, "status", OrderStatus.class), Fields.integer(json, "revision"),
                Fields.instant(json, "createdAt"), Fields.instant(json, "expiresAt"));
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("orderId", orderId.toString()).add("merchantOrderNo", merchantOrderNo)
                .add("amount", amount).add("currency", currency).add("subject", subject)
                .add("status", status.name()).add("revision", revision)
                .add("createdAt", createdAt.toString()).add("expiresAt", expiresAt.toString()).build();
    }
}
