package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.Objects;
import java.util.UUID;

/**
 * Cancel one of the sender's orders (cancel-order.schema.json); answered by {@link OrderState}
 * or {@link CommandError}. What follows (OrderClosed, OrderRefunding, OrderRefunded) comes as events.
 */
public record CancelOrder(String messageId, UUID orderId, Reason reason) implements Command {

    public static final String TYPE = "CancelOrder";

    /** PAYER_REQUEST closes an unpaid order; MERCHANT_REQUEST also refunds a paid one in full. */
    public enum Reason { PAYER_REQUEST, MERCHANT_REQUEST }

    public CancelOrder {
        Fields.text("messageId", messageId, 64);
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(TYPE).add("messageId", messageId).add("orderId", orderId.toString())
                .add("reason", reason.name()).build();
    }
}
