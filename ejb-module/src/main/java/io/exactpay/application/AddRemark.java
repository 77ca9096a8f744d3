package io.exactpay.application;

import java.util.UUID;

/**
 * A remark to attach to an order, identified by the sender's message id (exactly once) and
 * carrying the delivery attempt it arrived on (recorded for support).
 */
public record AddRemark(String messageId, int deliveryAttempt, UUID orderId, String author, String text) {
}
