package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.Objects;
import java.util.UUID;

/** Ask for one of the sender's orders (query-order.schema.json); answered by {@link OrderState} or {@link CommandError}. */
public record QueryOrder(String messageId, UUID orderId) implements Command {

    public static final String TYPE = "QueryOrder";

    public QueryOrder {
        Fields.text("messageId", messageId, 64);
        Objects.requireNonNull(orderId, "orderId");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("messageId", messageId).add("orderId", orderId.toString()).build();
    }
}
