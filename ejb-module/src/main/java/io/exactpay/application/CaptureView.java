package io.exactpay.application;

import io.exactpay.domain.model.payment.Capture;

import java.time.Instant;
import java.util.UUID;

/** Money a channel took for an order, and what it became: the order's payment or money owed back. */
public record CaptureView(UUID id, UUID attemptId, String channel, String channelTransactionId, long amountMinor,
                          String currency, String role, Instant capturedAt) {

    public static CaptureView of(Capture capture) {
        return new CaptureView(capture.id(), capture.attemptId(), capture.channel().name(), capture.channelTxnId(),
                capture.amount().minorUnits(), capture.amount().currency(), capture.role().name(),
                capture.capturedAt());
    }
}
