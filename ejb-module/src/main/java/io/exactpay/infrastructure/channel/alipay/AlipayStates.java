package io.exactpay.infrastructure.channel.alipay;

import io.exactpay.application.channel.ChannelPaymentState;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The one place Alipay's trade states and yuan amounts become ours. */
final class AlipayStates {

    private static final Pattern YUAN = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");

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

    /**
     * "0.01" to 1 fen. Exact: a fraction of a fen is an error, not a rounding. Alipay writes yuan
     * with at most two decimals ("12.50"); anything else (1e2, -1, 1.001) is refused.
     */
    static long fen(String yuan) {
        String text = yuan.trim();
        if (!YUAN.matcher(text).matches()) throw new IllegalArgumentException("not a yuan amount: " + text);
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
