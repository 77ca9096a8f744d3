package io.exactpay.application.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * What we ask a channel to collect: one attempt, under our own unique out_trade_no.
 *
 * @param notifyUrl where the channel sends its payment callback
 * @param expiresAt when the channel should stop accepting payment; null for the channel's default
 */
public record PaymentOrder(String outTradeNo, String description, ChannelAmount amount, String notifyUrl,
                           Instant expiresAt) {

    public PaymentOrder {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(amount, "amount");
        if (amount.minorUnits() == 0) {
            throw new IllegalArgumentException("a payment must be for more than zero");
        }
    }
}
