package io.exactpay.application;

import io.exactpay.domain.model.order.Order;

import java.time.Instant;
import java.util.UUID;

/** What callers see of an order, detached from the persistence context. */
public record OrderView(UUID id, String clientId, String merchantOrderNo, long amountMinor, String currency,
                        String subject, String status, int revision, Instant createdAt, Instant expiresAt) {

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.clientId(), order.merchantOrderNo(), order.amount().minorUnits(),
                order.amount().currency(), order.subject(), order.status().name(), order.revision(),
                order.createdAt(), order.expiresAt());
    }
}
