package io.exactpay.domain.model.order;

/** Why an order is cancelled; the reason decides whether a paid order is refunded. */
public enum CancelReason {
    /** The payer gave up before paying. A paid order is not refunded on the payer's word alone. */
    PAYER_REQUEST(false),
    /** The merchant (portal or legacy system) cancels; a paid order is refunded in full. */
    MERCHANT_REQUEST(true),
    /** Support staff cancel; a paid order is refunded in full. */
    SUPPORT(true),
    /** The unpaid-order timeout. An order paid in the meantime simply stays paid. */
    EXPIRED(false);

    private final boolean refundsPaidOrder;

    CancelReason(boolean refundsPaidOrder) {
        this.refundsPaidOrder = refundsPaidOrder;
    }

    public boolean refundsPaidOrder() {
        return refundsPaidOrder;
    }
}
