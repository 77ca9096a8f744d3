package io.exactpay.application.internal;

import io.exactpay.application.CallbackService;
import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.infrastructure.channel.CallbackReply;
import io.exactpay.infrastructure.channel.CallbackVerdict;
import io.exactpay.infrastructure.channel.InboundCallback;
import io.exactpay.infrastructure.channel.PaymentCaptured;
import io.exactpay.infrastructure.channel.PaymentChannels;
import io.exactpay.infrastructure.persistence.CallbackInboxEntry;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.logging.Logger;

@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class DefaultCallbackService implements CallbackService {

    private static final Logger LOG = Logger.getLogger(DefaultCallbackService.class.getName());

    @Inject
    private PaymentChannels channels;

    @Inject
    private SettlementQueue settlement;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Override
    public CallbackReply receive(Channel channel, InboundCallback callback) {
        var verifier = channels.verifier(channel).orElseThrow(() ->
                new IllegalStateException(channel + " is not configured on this server"));
        CallbackVerdict verdict = verifier.verify(callback);
        if (verdict instanceof CallbackVerdict.Accepted accepted && accepted.message() instanceof PaymentCaptured captured) {
            takeIn(captured);
        } else {
            // Rejected, ignored, or a refund notice we do not act on yet: nothing may be kept,
            // not even the nonce the verifier recorded.
            context.setRollbackOnly();
            if (verdict instanceof CallbackVerdict.Rejected rejected) {
                LOG.warning(() -> channel + " callback rejected: " + rejected.reason() + " " + rejected.detail());
            }
        }
        return verdict.reply();
    }

    /** One transaction: the inbox row and the queued event; a repeat finds the row and does nothing. */
    private void takeIn(PaymentCaptured captured) {
        boolean seen = !em.createQuery("select e.id from CallbackInboxEntry e where e.channel = :channel"
                        + " and e.channelTxnId = :txn and e.eventType = :type", Long.class)
                .setParameter("channel", captured.channel()).setParameter("txn", captured.transactionId())
                .setParameter("type", CallbackInboxEntry.PAYMENT_CAPTURED)
                .getResultList().isEmpty();
        if (seen) return;
        PaymentAttempt attempt = em.createQuery("select a from PaymentAttempt a where a.channel = :channel"
                        + " and a.outTradeNo = :no", PaymentAttempt.class)
                .setParameter("channel", captured.channel()).setParameter("no", captured.outTradeNo())
                .getSingleResult();
        // A concurrent copy of this callback fails here on the unique key and is retried by the channel.
        em.persist(new CallbackInboxEntry(captured.channel(), captured.transactionId(),
                CallbackInboxEntry.PAYMENT_CAPTURED, captured.outTradeNo(), captured.amount().minorUnits(),
                captured.amount().currency(), clock.instant()));
        em.flush();
        settlement.paymentCaptured(attempt.orderId(), attempt.id(), captured.channel(), captured.outTradeNo(),
                captured.transactionId(), captured.amount().minorUnits(), captured.amount().currency(),
                captured.paidAt());
    }
}
