package io.exactpay.application.support;

import java.time.Instant;
import java.util.UUID;

/** An order found by one of its numbers, and which kinds of number matched (comma-separated). */
public record OrderMatch(UUID orderId, String merchantOrderNo, String clientId, String status, long amountMinor,
                         String currency, Instant createdAt, String matchedBy) {
}
