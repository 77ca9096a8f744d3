package io.exactpay.application;

import io.exactpay.domain.model.payment.PaymentAttempt;

import java.time.Instant;
import java.util.UUID;

/** A payment attempt as callers see it. */
public record AttemptView(UUID id, UUID orderId, String channel, String outTradeNo, long amountMinor,
                          String currency, String status, String qrCode, String channelError, Instant createdAt) {

    public static AttemptView of(PaymentAttempt a) {
        return new AttemptView(a.id(), a.orderId(), a.channel().name(), a.outTradeNo(), a.amount().minorUnits(),
                a.amount().currency(), a.status().name(), a.qrCode(), a.channelError(), a.createdAt());
    }
}
