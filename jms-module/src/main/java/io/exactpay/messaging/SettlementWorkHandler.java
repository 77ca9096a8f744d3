package io.exactpay.messaging;

import io.exactpay.application.CancellationService;
import io.exactpay.application.CapturedPayment;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.RefundService;
import io.exactpay.application.SettlementService;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.messaging.contract.SettlementWork;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs one piece of settlement work: in the consumer's transaction normally, in its own on a
 * message's last delivery attempt (so a failure can still be recorded with its reason).
 */
@Stateless
public class SettlementWorkHandler {

    @Inject
    private SettlementService settlement;

    @Inject
    private CancellationService cancellation;

    @Inject
    private RefundService refunds;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Void handle(Object work) throws OrderNotFoundException {
        return run(work);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Void handleInOwnTransaction(Object work) throws OrderNotFoundException {
        return run(work);
    }

    /** The refund's retries are used up: FAILED, in the consumer's transaction, for a person to act on. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void giveUpRefund(SettlementWork.SubmitRefund work, String why) throws OrderNotFoundException {
        refunds.giveUp(work.refundId(), why);
    }

    private Void run(Object work) throws OrderNotFoundException {
        if (work instanceof CapturedPayment capture) {
            settlement.settleCapture(capture);
        } else if (work instanceof SettlementWork.CancelOrder cancel) {
            try {
                cancellation.cancel(cancel.orderId(), null, cancel.reason(), cancel.actor());
            } catch (IllegalTransitionException e) {
                throw new EJBException("cancel refused: " + e.getMessage(), e);
            }
        } else if (work instanceof SettlementWork.CloseTrade close) {
            cancellation.closeTrade(close.attemptId());
        } else if (work instanceof SettlementWork.SubmitRefund submit) {
            refunds.submit(submit.refundId());
        } else if (work instanceof RefundNotice notice) {
            refunds.settled(notice);
        } else {
            throw new IllegalArgumentException("unknown settlement work " + work);
        }
        return null;
    }
}
