package io.exactpay.legacy.contract;

import jakarta.json.JsonObject;

import java.util.Arrays;
import java.util.UUID;

/**
 * A payment the order does not keep is being refunded: a second payment of a paid order
 * (DuplicatePaymentRefunding), a payment that came after the cancel (LatePaymentRefunding), or a
 * payment of another amount or currency than the order's (MismatchedPaymentRefunding), which
 * never pays the order; {@code amount} and {@code currency} are what the channel captured.
 */
public record PaymentRefunding(Kind kind, UUID eventId, UUID orderId, String merchantOrderNo,
                               OrderStatus orderStatus, String channel, String outRefundNo, long amount,
                               String currency) implements Event {

    public enum Kind {
        DUPLICATE("DuplicatePaymentRefunding"),
        LATE("LatePaymentRefunding"),
        MISMATCHED("MismatchedPaymentRefunding");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        static Kind of(String type) {
            return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst().orElse(null);
        }
    }

    static PaymentRefunding from(JsonObject json) {
        return new PaymentRefunding(Kind.of(Fields.string(json, "type")), Fields.uuid(json, "eventId"),
                Fields.uuid(json, "orderId"), Fields.string(json, "merchantOrderNo"),
                Fields.constant(json, "orderStatus", OrderStatus.class), Fields.string(json, "channel"),
                Fields.string(json, "outRefundNo"), Fields.integer(json, "amount"), Fields.string(json, "currency"));
    }

    @Override
    public String type() {
        return kind.type;
    }

    @Override
    public JsonObject toJson() {
        return Fields.header(type()).add("eventId", eventId.toString()).add("orderId", orderId.toString())
                .add("merchantOrderNo", merchantOrderNo).add("orderStatus", orderStatus.name())
                .add("channel", channel).add("outRefundNo", outRefundNo).add("amount", amount)
                .add("currency", currency).build();
    }
}
