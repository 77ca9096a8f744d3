package io.exactpay.application;

import io.exactpay.domain.model.payment.Channel;

import java.util.UUID;

/**
 * Hands verified channel events to settlement, inside the caller's transaction: the event is
 * queued only if the callback's inbox row commits with it.
 */
public interface SettlementQueue {

    void paymentCaptured(UUID orderId, UUID attemptId, Channel channel, String outTradeNo, String transactionId,
                         long amountMinor, String currency, String paidAt);
}
