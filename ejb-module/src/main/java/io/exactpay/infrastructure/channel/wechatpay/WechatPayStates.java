package io.exactpay.infrastructure.channel.wechatpay;

import io.exactpay.application.channel.ChannelPaymentState;
import io.exactpay.application.channel.ChannelRefundState;

/** The one place WeChat Pay's trade and refund states become ours. */
final class WechatPayStates {

    private WechatPayStates() {
    }

    static ChannelPaymentState payment(String tradeState) {
        return switch (tradeState) {
            case "SUCCESS" -> ChannelPaymentState.PAID;
            case "REFUND" -> ChannelPaymentState.REFUNDED;
            case "NOTPAY", "USERPAYING" -> ChannelPaymentState.AWAITING_PAYMENT;
            case "CLOSED", "REVOKED" -> ChannelPaymentState.CLOSED;
            case "PAYERROR" -> ChannelPaymentState.FAILED;
            default -> throw new IllegalArgumentException("unknown WeChat Pay trade_state " + tradeState);
        };
    }

    static ChannelRefundState refund(String status) {
        return switch (status) {
            case "SUCCESS" -> ChannelRefundState.SUCCEEDED;
            case "PROCESSING" -> ChannelRefundState.PROCESSING;
            case "ABNORMAL", "CLOSED" -> ChannelRefundState.FAILED;
            default -> throw new IllegalArgumentException("unknown WeChat Pay refund status " + status);
        };
    }
}
