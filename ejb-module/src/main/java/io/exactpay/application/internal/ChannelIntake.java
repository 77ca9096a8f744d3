package io.exactpay.application.internal;

import io.exactpay.application.CapturedPayment;
import io.exactpay.application.RefundNotice;
import io.exactpay.application.SettlementQueue;
import io.exactpay.application.channel.ChannelAmount;
import io.exactpay.application.channel.PaymentCaptured;
import io.exactpay.application.channel.RefundSettled;
import io.exactpay.domain.model.inbox.CallbackInbox;
import io.exactpay.domain.model.inbox.InboxEvent;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.payment.PaymentAttempt;
import io.exactpay.domain.model.payment.PaymentAttemptRepository;
import io.exactpay.domain.model.refund.Refund;
import io.exactpay.domain.model.refund.RefundRepository;
import io.exactpay.infrastructure.logging.OutcomeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
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

    @Inject
    private CallbackInbox inbox;

    @Inject
    private PaymentAttemptRepository attempts;

    @Inject
    private RefundRepository refunds;

    @Inject
    private SettlementQueue settlement;

    @Inject
    private Clock clock;

    @Inject
    private OutcomeLog outcomes;

    /** True when the capture was new and is now queued; false when the inbox already had it. */
    public boolean takeIn(PaymentCaptured captured) {
        Instant now = clock.instant();
        if (!firstIntake(captured.channel(), captured.transactionId(), InboxEvent.PAYMENT_CAPTURED, captured.outTradeNo(),
                captured.amount(), now)) {
            outcomes.record("PAYMENT_CAPTURED_REPEATED", "channel", captured.channel(),
                    "outTradeNo", captured.outTradeNo(), "transactionId", captured.transactionId());
            return false;
        }
        PaymentAttempt attempt = attempts.findByTrade(captured.channel(), captured.outTradeNo()).orElseThrow();
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
        if (!firstIntake(settled.channel(), key, InboxEvent.REFUND_SETTLED, settled.outTradeNo(), settled.amount(), now)) {
            outcomes.record("REFUND_SETTLED_REPEATED", "channel", settled.channel(), "outTradeNo", settled.outTradeNo(),
                    "outRefundNo", settled.outRefundNo(), "refundId", settled.channelRefundId());
            return false;
        }
        Refund refund = refunds.findByOutRefundNo(settled.outRefundNo()).orElseThrow();
        settlement.refundSettled(new RefundNotice(refund.orderId(), settled.outRefundNo(), settled.channelRefundId(),
                settled.amount().minorUnits(), settled.amount().currency(), settled.settledAt(), now));
        outcomes.record("REFUND_SETTLED_TAKEN_IN", "orderId", refund.orderId(), "channel", settled.channel(),
                "outTradeNo", settled.outTradeNo(), "outRefundNo", settled.outRefundNo(),
                "refundId", settled.channelRefundId(), "amount", settled.amount().minorUnits());
        return true;
    }

    /** Writes the event into the inbox; false when it was there already (or another intake just committed it). */
    private boolean firstIntake(Channel channel, String channelTxnId, InboxEvent eventType, String outTradeNo,
                                ChannelAmount amount, Instant now) {
        boolean inserted = inbox.add(eventType, channel, channelTxnId, outTradeNo, amount.minorUnits(),
                amount.currency(), now);
        if (!inserted) {
            LOG.fine(() -> channel + " " + eventType + " " + channelTxnId + " (" + outTradeNo + ") taken in before");
        }
        return inserted;
    }
}
