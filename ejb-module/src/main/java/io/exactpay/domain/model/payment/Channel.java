package io.exactpay.domain.model.payment;

/** The payment channels ExactPay takes money through. */
public enum Channel {
    WECHAT_PAY, ALIPAY
}
