package io.exactpay.application;

import io.exactpay.domain.model.order.IllegalTransitionException;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.refund.RefundNotFoundException;

import java.util.List;
import java.util.UUID;

/** Pushes requested refunds through their channels and records what the channels say. */
public interface RefundService {

    /**
     * Sends the refund to its channel (idempotent by out_refund_no), with no lock held, then records
     * the answer under the order's lock: SUBMITTED, SUCCEEDED, or FAILED when the channel refuses.
     * No answer throws, so the caller's transaction rolls back and the work is retried.
     */
    void submit(UUID refundId) throws OrderNotFoundException;

    /** The channel says the money is back: SUCCEEDED once, posted to the ledger, the payer told. */
    void settled(RefundNotice notice) throws OrderNotFoundException;

    /** The retries are used up: FAILED, for a person to act on. */
    void giveUp(UUID refundId, String why) throws OrderNotFoundException;

    /** Support refunds a PAID order in full by hand: REFUNDING, with the refund requested. */
    OrderView refundInFull(UUID orderId, String actor) throws OrderNotFoundException, IllegalTransitionException;

    /** Support sends a FAILED refund again. */
    RefundView retry(UUID refundId, String actor) throws RefundNotFoundException, IllegalTransitionException;

    List<RefundView> forOrder(UUID orderId);

    List<RefundView> failed();
}
