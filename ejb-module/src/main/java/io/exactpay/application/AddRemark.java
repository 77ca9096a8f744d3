package io.exactpay.application;

import java.util.UUID;

/**
 * A remark to attach to an order, from a client (the authenticated sender) and identified by its
 * message id (exactly once per client), carrying the delivery attempt it arrived on (recorded for
 * support).
 */
public record AddRemark(String clientId, String messageId, int deliveryAttempt, UUID orderId, String author,
                        String text) {
}
