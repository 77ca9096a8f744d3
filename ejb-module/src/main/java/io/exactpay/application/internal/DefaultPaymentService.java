package io.exactpay.application.internal;

import io.exactpay.application.AttemptView;
import io.exactpay.application.ChannelUnavailableException;
import io.exactpay.application.PaymentService;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.ChannelOutcomeUnknownException;
import io.exactpay.application.channel.ChannelRejectedException;
import io.exactpay.application.channel.PaymentChannel;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.PaymentInstruction;
import io.exactpay.application.channel.PaymentOrder;
import io.exactpay.domain.model.order.OrderNotFoundException;
import io.exactpay.domain.model.order.OrderNotPayableException;
import io.exactpay.domain.model.order.OrderRepository;
import io.exactpay.domain.model.order.OrderStatus;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.UUID;

@Stateless
public class DefaultPaymentService implements PaymentService {

    @Inject
    private PaymentAttemptOpening opening;

    @Inject
    private PaymentChannels channels;

    @Inject
    private OrderRepository orders;

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    @ConfigProperty(name = "exactpay.callback-base-url")
    private String callbackBaseUrl;

    /** No transaction of its own: each step commits by itself, and none is open during the channel call. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AttemptView startPayment(String clientId, UUID orderId, Channel channel)
            throws OrderNotFoundException, OrderNotPayableException, ChannelUnavailableException {
        PaymentChannel gateway = channels.get(channel).orElseThrow(() ->
                new ChannelUnavailableException(channel + " is not configured on this server", null));
        // Commits now: a trace exists before the channel hears of the trade.
        AttemptView attempt = opening.writeDown(clientId, orderId, channel);
        String subject = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId)).subject();
        PaymentInstruction instruction;
        try {
            // Idempotent by out_trade_no and bounded by the channel's timeouts; no row is locked.
            instruction = gateway.createPayment(new PaymentOrder(attempt.outTradeNo(), subject,
                    new ChannelAmount(attempt.amountMinor(), attempt.currency()), notifyUrl(channel), null));
        } catch (ChannelRejectedException e) {
            return opening.rejected(attempt.id(), e.code() + ": " + e.getMessage());
        } catch (ChannelOutcomeUnknownException e) {
            throw new ChannelUnavailableException(channel + " did not answer: " + e.getMessage(), attempt);
        }
        AttemptView opened = opening.opened(attempt.id(), instruction.qrCodeContent());
        // Cancelled or paid while the channel opened the trade: it is being closed, so do not hand it out.
        OrderStatus status = orders.find(orderId).orElseThrow(() -> new OrderNotFoundException(orderId)).status();
        if (status != OrderStatus.PENDING) {
            throw new OrderNotPayableException("Order " + orderId + " became " + status + " while the trade opened");
        }
        return opened;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AttemptView> attempts(UUID orderId) {
        return attempts.forOrder(orderId).stream().map(AttemptView::of).toList();
    }

    private String notifyUrl(Channel channel) {
        return callbackBaseUrl + (channel == Channel.WECHAT_PAY ? "/api/v1/callbacks/wechatpay" : "/api/v1/callbacks/alipay");
    }
}
