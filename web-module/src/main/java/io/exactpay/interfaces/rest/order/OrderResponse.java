package io.exactpay.interfaces.rest.order;

import io.exactpay.application.AttemptView;
import io.exactpay.application.CaptureView;
import io.exactpay.application.OrderView;
import io.exactpay.application.RefundView;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the portal API shows it; {@code amount} in minor units. A single order's GET adds
 * its payment attempts, captures and refunds; elsewhere those are left out.
 */
public record OrderResponse(UUID id, String merchantOrderNo, long amount, String currency, String subject,
                            String status, int revision, Instant createdAt, Instant expiresAt,
                            List<AttemptView> attempts, List<CaptureView> captures, List<RefundView> refunds) {

    static OrderResponse of(OrderView order) {
        return new OrderResponse(order.id(), order.merchantOrderNo(), order.amountMinor(), order.currency(),
                order.subject(), order.status(), order.revision(), order.createdAt(), order.expiresAt(),
                null, null, null);
    }

    static OrderResponse withDetails(OrderView order, List<AttemptView> attempts, List<CaptureView> captures,
                                     List<RefundView> refunds) {
        return new OrderResponse(order.id(), order.merchantOrderNo(), order.amountMinor(), order.currency(),
                order.subject(), order.status(), order.revision(), order.createdAt(), order.expiresAt(),
                attempts, captures, refunds);
    }
}
