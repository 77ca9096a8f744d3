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
     * A DUPLICATE or LATE capture: its refund is requested (DuplicatePaymentRefunding or
     * LatePaymentRefunding), so the payer and the merchant are told.
     */
    void paymentRefunding(OrderView order, Channel channel, CaptureRole role, String outRefundNo, long amountMinor);
}
