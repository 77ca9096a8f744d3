package io.exactpay.application;

/**
 * A legacy system's request for a new order, by message: placed exactly once per client and
 * message id; the order's client is the authenticated sender.
 */
public record PlaceOrderOnce(String messageId, int deliveryAttempt, PlaceOrder order) {
}
