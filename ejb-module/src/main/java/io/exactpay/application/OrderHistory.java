package io.exactpay.application;

import java.util.List;
import java.util.UUID;

/** What support and portals read about an order's money: its captures, refunds and audit trail. */
public interface OrderHistory {

    List<CaptureView> captures(UUID orderId);

    List<RefundView> refunds(UUID orderId);

    /** Every change, oldest first. */
    List<TimelineEntry> timeline(UUID orderId);
}
