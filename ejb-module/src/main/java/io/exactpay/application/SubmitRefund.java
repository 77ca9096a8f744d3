package io.exactpay.application;

import java.util.UUID;

/**
 * Send (or send again) one refund to its channel, for the refund consumer ({@code SubmitRefund} on
 * {@code exactpay.refunds}); the channel deduplicates by out_refund_no.
 */
public record SubmitRefund(UUID orderId, UUID refundId) {
}
