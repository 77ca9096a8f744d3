package io.exactpay.application.internal;

import io.exactpay.application.CapturedPayment;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.infrastructure.channel.ChannelAmount;
import io.exactpay.infrastructure.channel.PaymentCaptured;
import io.exactpay.infrastructure.channel.RefundSettled;
import io.exactpay.infrastructure.logging.OutcomeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * Takes a channel's word that money moved into the callback inbox and hands it to settlement, in
 * the caller's transaction. Callbacks, the close consumer and the janitor's queries all come
 * through here, so the inbox's unique key (channel, channel transaction, event) lets each event be
 * settled exactly once whichever way it arrived first.
 *
 * <p>Two of them may take in the same event at the same instant. The insert skips a key that is
 * already there ({@code on conflict do nothing}); while another transaction holds the same key
 * uncommitted, PostgreSQL makes it wait for that one, then skip (committed) or insert (rolled back).
 * So the second intake is an answered no-op, never an error. The wait needs no lock timeout: every
 * caller takes the inbox key before the order's row lock and holds no other lock that the first
 * intake could be waiting for. The unique constraint stays as the last line of defence.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChannelIntake {

    private static final Logger LOG = Logger.getLogger(ChannelIntake.class.getName());


    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Inject
    private SettlementQueue settlement;

    @Inject
    private Clock clock;

    @Inject
    private OutcomeLog outcomes;

    /** True when the capture was new and is now queued; false when the inbox already had it. */
    public boolean takeIn(PaymentCaptured captured) {
        Instant now = clock.instant();
        if (!firstIntake(captured.channel(), captured.transactionId(), CallbackInbox.PAYMENT_CAPTURED, captured.outTradeNo(),
                captured.amount(), now)) {
            outcomes.record("PAYMENT_CAPTURED_REPEATED", "channel", captured.channel(),
                    "outTradeNo", captured.outTradeNo(), "transactionId", captured.transactionId());
            return false;
        }
        PaymentAttempt attempt = em.createQuery("select a from PaymentAttempt a where a.channel = :channel"
                        + " and a.outTradeNo = :no", PaymentAttempt.class)
                .setParameter("channel", captured.channel()).setParameter("no", captured.outTradeNo())
                .getSingleResult();
        settlement.paymentCaptured(new CapturedPayment(attempt.orderId(), attempt.id(), captured.channel(),
                captured.outTradeNo(), captured.transactionId(), captured.amount().minorUnits(),
                captured.amount().currency(), captured.paidAt(), now));
        outcomes.record("PAYMENT_CAPTURED_TAKEN_IN", "orderId", attempt.orderId(), "channel", captured.channel(),
                "outTradeNo", captured.outTradeNo(), "transactionId", captured.transactionId(),
                "amount", captured.amount().minorUnits(), "currency", captured.amount().currency());
        return true;
    }

    /** True when the refund's success was new and is now queued. */
    public boolean takeIn(RefundSettled settled) {
        String key = settled.channelRefundId() != null ? settled.channelRefundId() : settled.outRefundNo();
        Instant now = clock.instant();
        if (!firstIntake(settled.channel(), key, CallbackInbox.REFUND_SETTLED, settled.outTradeNo(), settled.amount(), now)) {
            outcomes.record("REFUND_SETTLED_REPEATED", "channel", settled.channel(), "outTradeNo", settled.outTradeNo(),
                    "outRefundNo", settled.outRefundNo(), "refundId", settled.channelRefundId());
            return false;
        }
        Refund refund = em.createQuery("select r from Refund r where r.outRefundNo = :no", Refund.class)
                .setParameter("no", settled.outRefundNo()).getSingleResult();
        settlement.refundSettled(new RefundNotice(refund.orderId(), settled.outRefundNo(), settled.channelRefundId(),
                settled.amount().minorUnits(), settled.amount().currency(), settled.settledAt(), now));
        outcomes.record("REFUND_SETTLED_TAKEN_IN", "orderId", refund.orderId(), "channel", settled.channel(),
                "outTradeNo", settled.outTradeNo(), "outRefundNo", settled.outRefundNo(),
                "refundId", settled.channelRefundId(), "amount", settled.amount().minorUnits());
        return true;
    }

    /** Writes the event into the inbox; false when it was there already (or another intake just committed it). */
    private boolean firstIntake(Channel channel, String channelTxnId, String eventType, String outTradeNo,
                                ChannelAmount amount, Instant now) {
        int inserted = em.createNativeQuery("insert into callback_inbox (channel, channel_txn_id, event_type,"
                        + " out_trade_no, amount_minor, currency, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict on constraint callback_inbox_event_key do nothing")
                .setParameter(1, channel.name())
                .setParameter(2, channelTxnId)
                .setParameter(3, eventType)
                .setParameter(4, outTradeNo)
                .setParameter(5, amount.minorUnits())
                .setParameter(6, amount.currency())
                .setParameter(7, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            LOG.fine(() -> channel + " " + eventType + " " + channelTxnId + " (" + outTradeNo + ") taken in before");
        }
        return inserted == 1;
    }
}
