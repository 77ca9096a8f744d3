package io.exactpay.application.channel;

import io.exactpay.domain.model.payment.Channel;
import java.time.LocalDate;

/**
 * The one interface settlement code calls to move money through a channel. Implementations are
 * plain classes without shared state; every call is a bounded HTTP call to the channel.
 *
 * <p>Every method throws {@link ChannelOutcomeUnknownException} when it cannot know what
 * happened, and {@link ChannelRejectedException} when the channel definitely refused.
 */
public interface PaymentChannel {

    Channel channel();

    /** Opens a trade and returns what the payer scans. Repeating it for the same out_trade_no is safe. */
    PaymentInstruction createPayment(PaymentOrder order);

    PaymentStatus queryPayment(String outTradeNo);

    /** Closes an unpaid trade; {@link CloseOutcome#ALREADY_PAID} when the payer won the race. */
    CloseOutcome closePayment(String outTradeNo);

    RefundStatus refund(RefundOrder order);

    RefundStatus queryRefund(String outTradeNo, String outRefundNo);

    Statement downloadStatement(LocalDate day);
}
