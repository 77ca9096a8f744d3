package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;

/**
 * What the payer needs to pay an attempt: WeChat Pay Native's {@code code_url} or Alipay's
 * precreate {@code qr_code}, to be shown as a QR code.
 */
public record PaymentInstruction(Channel channel, String outTradeNo, String qrCodeContent) {
}
