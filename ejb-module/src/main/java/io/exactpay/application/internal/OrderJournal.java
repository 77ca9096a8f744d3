package io.exactpay.application.internal;

import io.exactpay.domain.model.ledger.LedgerEntry;
import io.exactpay.domain.model.ledger.LedgerRepository;
import io.exactpay.domain.model.order.Order;
import io.exactpay.domain.model.order.OrderAuditEntry;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Capture;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.infrastructure.logging.OutcomeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Writes down, in the caller's transaction, what happened to an order: a line in its audit trail
 * for every change (and its line in the log, once committed), and a ledger entry for every
 * movement of money.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderJournal {

    @Inject
    private OrderRepository orders;

    @Inject
    private LedgerRepository ledger;

    @Inject
    private Clock clock;

    @Inject
    private OutcomeLog outcomes;

    public void audit(Order order, OrderStatus before, String actor, String action, String detail) {
        orders.addAuditEntry(new OrderAuditEntry(order, before, actor, action, detail, clock.instant()));
        outcomes.record(action, "orderId", order.id(), "merchantOrderNo", order.merchantOrderNo(),
                "clientId", order.clientId(), "statusBefore", before, "status", order.status(), "actor", actor,
                "detail", detail);
    }

    public void postCapture(Capture capture) {
        ledger.add(LedgerEntry.of(capture, clock.instant()));
    }

    public void postRefund(Refund refund, Channel channel) {
        ledger.add(LedgerEntry.of(refund, channel, clock.instant()));
    }
}
