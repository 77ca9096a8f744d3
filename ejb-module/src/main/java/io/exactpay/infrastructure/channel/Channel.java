package io.exactpay.infrastructure.channel;

/** The payment channels ExactPay takes money through. */
public enum Channel {
    WECHAT_PAY, ALIPAY
}
