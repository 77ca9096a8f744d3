package io.exactpay.application.internal;

import io.exactpay.application.CaptureView;
import io.exactpay.application.OrderHistory;
import io.exactpay.application.RefundView;
import io.exactpay.application.TimelineEntry;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.payment.CaptureRepository;
import io.exactpay.domain.model.refund.RefundRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultOrderHistory implements OrderHistory {

    @Inject
    private OrderRepository orders;

    @Inject
    private CaptureRepository captures;

    @Inject
    private RefundRepository refunds;

    @Override
    public List<CaptureView> captures(UUID orderId) {
        return captures.forOrder(orderId).stream().map(CaptureView::of).toList();
    }

    @Override
    public List<RefundView> refunds(UUID orderId) {
        return refunds.forOrder(orderId).stream().map(RefundView::of).toList();
    }

    @Override
    public List<TimelineEntry> timeline(UUID orderId) {
        return orders.timeline(orderId).stream().map(TimelineEntry::of).toList();
    }
}
