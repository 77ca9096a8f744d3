package io.exactpay.interfaces.rest.order;

import io.exactpay.application.OrderView;

import java.time.Instant;
import java.util.UUID;

/** An order as the portal API shows it; {@code amount} in minor units. */
public record OrderResponse(UUID id, String merchantOrderNo, long amount, String currency, String subject,
                            String status, int revision, Instant createdAt, Instant expiresAt) {

    static OrderResponse of(OrderView order) {
        return new OrderResponse(order.id(), order.merchantOrderNo(), order.amountMinor(), order.currency(),
                order.subject(), order.status(), order.revision(), order.createdAt(), order.expiresAt());
    }
}
