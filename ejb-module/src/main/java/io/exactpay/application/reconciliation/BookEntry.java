package io.exactpay.application.reconciliation;

import io.exactpay.application.channel.StatementLine;

import java.time.Instant;

/**
 * What ExactPay's books say about one capture or refund of a channel: a ledger posting, or a
 * refund the books know but have not (or not successfully) settled.
 *
 * @param refundStatus the refund's status (REQUESTED, SUBMITTED, SUCCEEDED, FAILED); null for a payment
 * @param postedAt when it was posted to the ledger; null when it is not in the ledger
 */
public record BookEntry(StatementLine.Kind kind, String transactionId, String outTradeNo, String outRefundNo,
                        long amountMinor, String currency, String refundStatus, Instant postedAt) {

    public static BookEntry capture(String transactionId, String outTradeNo, long amountMinor, String currency,
                                    Instant postedAt) {
        return new BookEntry(StatementLine.Kind.PAYMENT, transactionId, outTradeNo, null, amountMinor, currency, null,
                postedAt);
    }

    public static BookEntry refund(String outTradeNo, String outRefundNo, long amountMinor, String currency,
                                   String refundStatus, Instant postedAt) {
        return new BookEntry(StatementLine.Kind.REFUND, null, outTradeNo, outRefundNo, amountMinor, currency,
                refundStatus, postedAt);
    }

    public boolean posted() {
        return postedAt != null;
    }

    /** A refund the books have asked for and are still waiting to hear about. */
    boolean refundInFlight() {
        return "REQUESTED".equals(refundStatus) || "SUBMITTED".equals(refundStatus);
    }
}
