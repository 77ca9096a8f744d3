package io.exactpay.application;

import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.payment.CaptureRole;

/** Settles what the channels report against the order's money state (docs/state-machines.md). */
public interface SettlementService {

    /**
     * Under the order's row lock: records the capture with its role, makes a PENDING order PAID,
     * and requests the refund of a DUPLICATE or LATE capture, with the events that tell the payer
     * and the merchant, all in the caller's transaction. A capture already recorded changes nothing.
     */
    CaptureRole settleCapture(CapturedPayment payment) throws OrderNotFoundException;
}
