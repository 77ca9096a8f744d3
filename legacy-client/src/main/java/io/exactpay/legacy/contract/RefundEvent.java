package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Arrays;
import java.util.UUID;

/**
 * One refund and its order's state (refund-event.schema.json): OrderRefunding, OrderRefunded,
 * RefundSucceeded or RefundFailed ({@code failure} says why; a failed refund needs a person).
 */
public record RefundEvent(Kind kind, UUID eventId, UUID orderId, String merchantOrderNo, OrderStatus orderStatus,
                          String outRefundNo, Reason reason, Status refundStatus, long amount, String currency,
                          String failure) implements Event {

    public enum Kind {
        ORDER_REFUNDING("OrderRefunding"),
        ORDER_REFUNDED("OrderRefunded"),
        REFUND_SUCCEEDED("RefundSucceeded"),
        REFUND_FAILED("RefundFailed");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        static Kind of(String type) {
            return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst().orElse(null);
        }
    }

    public enum Reason { DUPLICATE_PAYMENT, PAID_AFTER_CANCEL, ORDER_CANCELLED, MANUAL }

    public enum Status { REQUESTED, SUBMITTED, SUCCEEDED, FAILED }

    static RefundEvent from(JsonObject json) {
        return new RefundEvent(Kind.of(Fields.string(json, "type")), Fields.uuid(json, "eventId"),
                Fields.uuid(json, "orderId"), Fields.string(json, "merchantOrderNo"),
                Fields.constant(json, "orderStatus", OrderStatus.class), Fields.string(json, "outRefundNo"),
                Fields.constant(json, "reason", Reason.class), Fields.constant(json, "refundStatus", Status.class),
                Fields.integer(json, "amount"), Fields.string(json, "currency"), Fields.optionalString(json, "failure"));
    }

    @Override
    public String type() {
        return kind.type;
    }

    @Override
    public JsonObject toJson() {
        JsonObjectBuilder json = Fields.header(type()).add("eventId", eventId.toString())
                .add("orderId", orderId.toString()).add("merchantOrderNo", merchantOrderNo)
                .add("orderStatus", orderStatus.name()).add("outRefundNo", outRefundNo).add("reason", reason.name())
                .add("refundStatus", refundStatus.name()).add("amount", amount).add("currency", currency);
        if (failure != null) json.add("failure", failure);
        return json.build();
    }
}
