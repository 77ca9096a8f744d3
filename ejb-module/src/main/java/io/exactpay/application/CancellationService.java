package io.exactpay.application;

import io.exactpay.domain.model.order.CancelReason;
import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.OrderNotFoundException;

import java.util.UUID;

/**
 * Cancels orders and closes their channel trades (docs/state-machines.md): one path for the payer,
 * portals, legacy systems, support and the unpaid-order timeout.
 */
public interface CancellationService {

    /**
     * Under the order's row lock: a PENDING order goes CLOSING and each open trade is queued for
     * closing (CLOSED at once when none is open); a PAID order goes REFUNDING with a full refund
     * requested, when the reason allows it. A cancelled or refunded order is left as it is.
     *
     * @param clientId the caller's client; null when the caller may cancel any order (support, timer)
     * @param actor who asked, for the audit trail
     */
    OrderView cancel(UUID orderId, String clientId, CancelReason reason, String actor)
            throws OrderNotFoundException, IllegalTransitionException;

    /**
     * {@link #cancel} for a command message, exactly once per sender and message id: a repeated
     * message changes nothing and gets the order as it is now; a message id the sender used for
     * another command, or a cancel of another order, is refused with nothing changed.
     */
    OrderView cancelOnce(String messageId, int deliveryAttempt, UUID orderId, String clientId, CancelReason reason,
                         String actor) throws OrderNotFoundException, IllegalTransitionException, MessageIdReusedException;

    /**
     * Closes one channel trade: asks the channel first, with no lock held, then records the answer
     * under the order's lock. A trade the payer paid first is not closed: its capture is taken in
     * (and settles as LATE or DUPLICATE).
     */
    void closeTrade(UUID attemptId);
}
