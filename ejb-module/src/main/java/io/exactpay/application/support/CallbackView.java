package io.exactpay.application.support;

import java.time.Instant;

/** A channel's word taken into the callback inbox (its callback, or ExactPay's query of it). */
public record CallbackView(String channel, String channelTransactionId, String eventType, String outTradeNo,
                           long amountMinor, String currency, Instant receivedAt) {
}
