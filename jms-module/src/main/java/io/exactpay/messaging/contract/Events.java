package io.exactpay.messaging.contract;

import io.exactpay.application.OrderView;
import io.exactpay.application.RefundView;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.UUID;

/** Event bodies on the {@code exactpay.events} address (schemas/order-created.schema.json). */
public final class Events {

    /** Looked up once: {@code Json.create...} asks the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public static final String ADDRESS = "exactpay.events";

    private Events() {
    }

    public static String orderPaid(UUID eventId, OrderView order, String channel) {
        return about("OrderPaid", eventId, order)
                .add("channel", channel)
                .add("amount", order.amountMinor())
                .add("currency", order.currency())
                .build().toString();
    }

    /** DuplicatePaymentRefunding or LatePaymentRefunding: money the payer gets back, in the order's currency. */
    public static String paymentRefunding(String type, UUID eventId, OrderView order, String channel,
                                          String outRefundNo, long amountMinor) {
        return paymentRefunding(type, eventId, order, channel, outRefundNo, amountMinor, order.currency());
    }

    /**
     * DuplicatePaymentRefunding, LatePaymentRefunding or MismatchedPaymentRefunding: money the payer
     * gets back, for payer and merchant, in the currency it was captured in.
     */
    public static String paymentRefunding(String type, UUID eventId, OrderView order, String channel,
                                          String outRefundNo, long amountMinor, String currency) {
        return about(type, eventId, order)
                .add("orderStatus", order.status())
                .add("channel", channel)
                .add("outRefundNo", outRefundNo)
                .add("amount", amountMinor)
                .add("currency", currency)
                .build().toString();
    }

    public static String orderCreated(UUID eventId, OrderView order) {
        return about("OrderCreated", eventId, order)
                .add("clientId", order.clientId())
                .add("amount", order.amountMinor())
                .add("currency", order.currency())
                .add("status", order.status())
                .add("createdAt", order.createdAt().toString())
                .add("expiresAt", order.expiresAt().toString())
                .build().toString();
    }

    /** The cancelled order is CLOSED: none of its trades can be paid any more. */
    public static String orderClosed(UUID eventId, OrderView order) {
        return about("OrderClosed", eventId, order)
                .add("orderStatus", order.status())
                .build().toString();
    }

    /** OrderRefunding, OrderRefunded, RefundSucceeded or RefundFailed: one refund and its order's state. */
    public static String refund(String type, UUID eventId, OrderView order, RefundView refund) {
        var json = about(type, eventId, order)
                .add("orderStatus", order.status())
                .add("outRefundNo", refund.outRefundNo())
                .add("reason", refund.reason())
                .add("refundStatus", refund.status())
                .add("amount", refund.amountMinor())
                .add("currency", refund.currency());
        if (refund.failure() != null) json.add("failure", refund.failure());
        return json.build().toString();
    }

    /** What every event says first: its type and version, its id, and which order it is about. */
    private static JsonObjectBuilder about(String type, UUID eventId, OrderView order) {
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("schemaVersion", 1)
                .add("eventId", eventId.toString())
                .add("orderId", order.id().toString())
                .add("merchantOrderNo", order.merchantOrderNo());
    }
}
