package io.exactpay.application;

import io.exactpay.domain.model.payment.CaptureRole;
import io.exactpay.domain.model.payment.Channel;

/**
 * What ExactPay tells the outside world, in domain terms. Implementations send inside the
 * caller's transaction, so an event leaves only if the change that caused it commits.
 */
public interface ApplicationEvents {

    void orderCreated(OrderView order);

    /** The order's first capture made it PAID. */
    void orderPaid(OrderView order, Channel channel);

    /**
     * A DUPLICATE, LATE or MISMATCHED capture: its refund is requested (DuplicatePaymentRefunding,
     * LatePaymentRefunding or MismatchedPaymentRefunding, with the amount and currency captured), so
     * the payer and the merchant are told.
     */
    void paymentRefunding(OrderView order, Channel channel, CaptureRole role, String outRefundNo, long amountMinor,
                          String currency);

    /** Every channel trade of the cancelled order is closed (or captured and being refunded). */
    void orderClosed(OrderView order);

    /** A paid order was cancelled: its payment is being refunded in full. */
    void orderRefunding(OrderView order, RefundView refund);

    /** The refund of a cancelled order's payment succeeded: nothing of the order's money is kept. */
    void orderRefunded(OrderView order, RefundView refund);

    /** Money is back with the payer (any refund: duplicate, late or the order's own). */
    void refundSucceeded(OrderView order, RefundView refund);

    /** The channel refused a refund or never took it: a person must act (also raises the alert metric). */
    void refundFailed(OrderView order, RefundView refund);
}
