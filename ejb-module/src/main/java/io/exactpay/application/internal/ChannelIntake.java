package io.exactpay.application.internal;

import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.infrastructure.channel.PaymentCaptured;
import io.exactpay.infrastructure.channel.RefundSettled;
import io.exactpay.infrastructure.persistence.CallbackInboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Takes a channel's word that money moved into the callback inbox and hands it to settlement, in
 * the caller's transaction. Callbacks, the close consumer and the janitor's queries all come
 * through here, so the inbox's unique key (channel, channel transaction, event) lets each event be
 * settled exactly once whichever way it arrived first.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChannelIntake {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private SettlementQueue settlement;

    @Inject
    private Clock clock;

    /** True when the capture was new and is now queued; false when the inbox already had it. */
    public boolean takeIn(PaymentCaptured captured) {
        if (seen(captured.channel().name(), captured.transactionId(), CallbackInboxEntry.PAYMENT_CAPTURED)) return false;
        PaymentAttempt attempt = em.createQuery("select a from PaymentAttempt a where a.channel = :channel"
                        + " and a.outTradeNo = :no", PaymentAttempt.class)
                .setParameter("channel", captured.channel()).setParameter("no", captured.outTradeNo())
                .getSingleResult();
        Instant now = clock.instant();
        // A concurrent copy fails here on the unique key; its transaction rolls back and is retried.
        em.persist(new CallbackInboxEntry(captured.channel(), captured.transactionId(),
                CallbackInboxEntry.PAYMENT_CAPTURED, captured.outTradeNo(), captured.amount().minorUnits(),
                captured.amount().currency(), now));
        em.flush();
        settlement.paymentCaptured(attempt.orderId(), attempt.id(), captured.channel(), captured.outTradeNo(),
                captured.transactionId(), captured.amount().minorUnits(), captured.amount().currency(),
                captured.paidAt(), now);
        return true;
    }

    /** True when the refund's success was new and is now queued. */
    public boolean takeIn(RefundSettled settled) {
        String key = settled.channelRefundId() != null ? settled.channelRefundId() : settled.outRefundNo();
        if (seen(settled.channel().name(), key, CallbackInboxEntry.REFUND_SETTLED)) return false;
        Refund refund = em.createQuery("select r from Refund r where r.outRefundNo = :no", Refund.class)
                .setParameter("no", settled.outRefundNo()).getSingleResult();
        Instant now = clock.instant();
        em.persist(new CallbackInboxEntry(settled.channel(), key, CallbackInboxEntry.REFUND_SETTLED,
                settled.outTradeNo(), settled.amount().minorUnits(), settled.amount().currency(), now));
        em.flush();
        settlement.refundSettled(refund.orderId(), settled.outRefundNo(), settled.channelRefundId(),
                settled.amount().minorUnits(), settled.amount().currency(), settled.settledAt(), now);
        return true;
    }

    private boolean seen(String channel, String channelTxnId, String eventType) {
        return !em.createNativeQuery("select 1 from callback_inbox where channel = ?1 and channel_txn_id = ?2"
                        + " and event_type = ?3")
                .setParameter(1, channel).setParameter(2, channelTxnId).setParameter(3, eventType)
                .getResultList().isEmpty();
    }
}
