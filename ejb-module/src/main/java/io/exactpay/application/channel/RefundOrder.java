package io.exactpay.application.channel;

import java.util.Objects;

/**
 * A refund of (part of) a captured attempt. Channels deduplicate by {@code outRefundNo}, so the
 * same order may be sent again safely.
 *
 * @param total the original attempt's amount; WeChat Pay checks it
 * @param notifyUrl where WeChat Pay sends the refund callback (Alipay uses the trade's)
 */
public record RefundOrder(String outTradeNo, String outRefundNo, ChannelAmount refund, ChannelAmount total,
                          String reason, String notifyUrl) {

    public RefundOrder {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(outRefundNo, "outRefundNo");
        if (!refund.currency().equals(total.currency())) {
            throw new IllegalArgumentException("refund and total currencies differ");
        }
        if (refund.minorUnits() == 0 || refund.minorUnits() > total.minorUnits()) {
            throw new IllegalArgumentException("refund must be more than zero and at most the total");
        }
    }
}
