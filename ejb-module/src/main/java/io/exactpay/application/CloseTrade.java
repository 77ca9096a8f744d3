package io.exactpay.application;

import java.util.UUID;

/**
 * Close one channel trade of an order, for the close consumer ({@code CloseTrade} on
 * {@code exactpay.trade.closes}), which calls the channel without the order's lock.
 */
public record CloseTrade(UUID orderId, UUID attemptId) {
}
