package io.exactpay.messaging.contract;

import jakarta.json.Json;

import java.util.UUID;

/**
 * Verified channel events queued for settlement on {@code exactpay.payment.captures}
 * (schemas/payment-captured.schema.json), one order's events in one message group.
 */
public final class Settlement {

    public static final String QUEUE = "exactpay.payment.captures";

    private Settlement() {
    }

    public static String paymentCaptured(UUID orderId, UUID attemptId, String channel, String outTradeNo,
                                         String transactionId, long amountMinor, String currency, String paidAt) {
        return Json.createObjectBuilder()
                .add("type", "PaymentCaptured")
                .add("schemaVersion", 1)
                .add("orderId", orderId.toString())
                .add("attemptId", attemptId.toString())
                .add("channel", channel)
                .add("outTradeNo", outTradeNo)
                .add("transactionId", transactionId)
                .add("amount", amountMinor)
                .add("currency", currency)
                .add("paidAt", paidAt == null ? "" : paidAt)
                .build().toString();
    }
}
