package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** The answer to {@link CreateOrder} (order-placed.schema.json); {@code replayed}: the messageId had placed it before. */
public record OrderPlaced(UUID orderId, String merchantOrderNo, long amount, String currency, String subject,
                          Instant createdAt, Instant expiresAt, boolean replayed) implements Reply {

    public static final String TYPE = "OrderPlaced";

    static OrderPlaced from(JsonObject json) {
        return new OrderPlaced(Fields.uuid(json, "orderId"), Fields.string(json, "merchantOrderNo"),
                Fields.integer(json, "amount"), Fields.string(json, "currency"), Fields.string(json, "subject"),
                Fields.instant(json, "createdAt"), Fields.instant(json, "expiresAt"), Fields.bool(json, "replayed"));
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("orderId", orderId.toString()).add("merchantOrderNo", merchantOrderNo)
                .add("amount", amount).add("currency", currency).add("subject", subject)
                .add("createdAt", createdAt.toString()).add("expiresAt", expiresAt.toString())
                .add("replayed", replayed).build();
    }
}
