package io.exactpay.application.janitor;

import io.exactpay.application.CancelOrder;
import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The unpaid-order timeout: each PENDING order past its time to pay is cancelled through the one cancel path. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OrderExpiry {

    @Inject
    private OrderRepository orders;

    @Inject
    private SettlementQueue queue;

    @Inject
    private Clock clock;

    /** Queues a cancel for each PENDING order past its expiry; the cancel consumer re-checks under the lock. */
    public int expireDueOrders(int limit) {
        List<UUID> due = orders.pendingExpiredBy(clock.instant(), limit);
        for (UUID orderId : due) queue.cancelOrder(new CancelOrder(orderId, CancelReason.EXPIRED, "expiry-timer"));
        return due.size();
    }
}
