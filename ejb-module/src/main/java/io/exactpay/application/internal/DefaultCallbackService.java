package io.exactpay.application.internal;

import io.exactpay.application.CallbackService;
import io.exactpay.application.channel.CallbackReply;
import io.exactpay.application.channel.CallbackVerdict;
import io.exactpay.application.channel.InboundCallback;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.PaymentChannels;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.infrastructure.LogText;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultCallbackService implements CallbackService {

    private static final Logger LOG = Logger.getLogger(DefaultCallbackService.class.getName());

    @Inject
    private PaymentChannels channels;

    @Inject
    private ChannelIntake intake;

    @Inject
    private SettlementMetrics metrics;

    @Resource
    private SessionContext context;

    @Override
    public CallbackReply receive(Channel channel, InboundCallback callback) {
        var verifier = channels.verifier(channel).orElseThrow(() ->
                new IllegalStateException(channel + " is not configured on this server"));
        CallbackVerdict verdict = verifier.verify(callback);
        if (verdict instanceof CallbackVerdict.Accepted accepted) {
            // One transaction: the inbox row and the queued work; a repeat finds the row and does nothing.
            if (accepted.message() instanceof PaymentCaptured captured) intake.takeIn(captured);
            else if (accepted.message() instanceof RefundSettled settled) intake.takeIn(settled);
        } else {
            // Rejected or ignored: nothing may be kept, not even the nonce the verifier recorded.
            context.setRollbackOnly();
            if (verdict instanceof CallbackVerdict.Rejected rejected) {
                metrics.callbackRejected(channel, rejected.reason().name());
                // The detail quotes what the caller sent (ids, headers): escaped, it stays on its line.
                LOG.warning(() -> channel + " callback rejected: " + rejected.reason() + " "
                        + LogText.escaped(rejected.detail()));
            }
        }
        return verdict.reply();
    }
}
