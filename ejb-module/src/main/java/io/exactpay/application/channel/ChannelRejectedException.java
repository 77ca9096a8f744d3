package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/** The channel answered, definitely, that it will not do this (bad parameters, insufficient balance...). */
public class ChannelRejectedException extends RuntimeException {

    private final Channel channel;
    private final String code;

    public ChannelRejectedException(Channel channel, String code, String message) {
        super(channel + " rejected the call: " + code + " " + message);
        this.channel = channel;
        this.code = code;
    }

    public Channel channel() {
        return channel;
    }

    /** The channel's own error code, e.g. WeChat Pay's {@code NOT_ENOUGH} or Alipay's {@code ACQ.TRADE_NOT_EXIST}. */
    public String code() {
        return code;
    }
}
