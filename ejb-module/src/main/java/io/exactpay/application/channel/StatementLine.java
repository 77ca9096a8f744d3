package io.exactpay.application.channel;

/**
 * One money movement on a statement.
 *
 * @param outRefundNo set for refunds only
 * @param amount always positive; {@link Kind} gives the direction
 */
public record StatementLine(Kind kind, String outTradeNo, String transactionId, String outRefundNo,
                            ChannelAmount amount) {

    public enum Kind { PAYMENT, REFUND }
}
