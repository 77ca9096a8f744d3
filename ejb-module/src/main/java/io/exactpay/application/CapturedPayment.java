package io.exactpay.application;

import io.exactpay.domain.model.payment.Channel;

import java.util.UUID;

/** A verified capture from the callback inbox, to be settled against its order. */
public record CapturedPayment(UUID orderId, UUID attemptId, Channel channel, String transactionId, long amountMinor,
                              String currency) {
}
