package io.exactpay.application.internal;

import io.exactpay.application.CaptureView;
import io.exactpay.application.OrderHistory;
import io.exactpay.application.RefundView;
import io.exactpay.application.TimelineEntry;
import io.exactpay.domain.model.order.OrderAuditEntry;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.refund.Refund;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultOrderHistory implements OrderHistory {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public List<CaptureView> captures(UUID orderId) {
        return em.createQuery("select c from Capture c where c.orderId = :order order by c.capturedAt", Capture.class)
                .setParameter("order", orderId).getResultStream().map(CaptureView::of).toList();
    }

    @Override
    public List<RefundView> refunds(UUID orderId) {
        return em.createQuery("select r from Refund r where r.orderId = :order order by r.createdAt", Refund.class)
                .setParameter("order", orderId).getResultStream().map(RefundView::of).toList();
    }

    @Override
    public List<TimelineEntry> timeline(UUID orderId) {
        return em.createQuery("select e from OrderAuditEntry e where e.orderId = :order order by e.id",
                        OrderAuditEntry.class)
                .setParameter("order", orderId).getResultStream().map(TimelineEntry::of).toList();
    }
}
