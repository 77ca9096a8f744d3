package io.exactpay.infrastructure.channel.alipay;

import io.exactpay.application.channel.ChannelPaymentState;

import java.math.BigDecimal;

/** The one place Alipay's trade states and yuan amounts become ours. */
final class AlipayStates {

    private AlipayStates() {
    }

    /**
     * @param everPaid whether Alipay reported a payment time: TRADE_CLOSED also means "paid, then
     *                 fully refunded", which is a capture
     */
    static ChannelPaymentState payment(String tradeStatus, boolean everPaid) {
        return switch (tradeStatus) {
            case "WAIT_BUYER_PAY" -> ChannelPaymentState.AWAITING_PAYMENT;
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> ChannelPaymentState.PAID;
            case "TRADE_CLOSED" -> everPaid ? ChannelPaymentState.REFUNDED : ChannelPaymentState.CLOSED;
            default -> throw new IllegalArgumentException("unknown Alipay trade_status " + tradeStatus);
        };
    }

    /** "0.01" to 1 fen. Exact: a fraction of a fen is an error, not a rounding. */
    static long fen(String yuan) {
        return new BigDecimal(yuan.trim()).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
