package io.exactpay.application;

import io.exactpay.domain.model.order.CancelReason;

import java.util.UUID;

/**
 * A cancel queued for the cancel consumer ({@code CancelOrder} on {@code exactpay.order.cancels}):
 * the expiry timer's path; every other cancel runs at once in the caller's transaction.
 */
public record CancelOrder(UUID orderId, CancelReason reason, String actor) {
}
