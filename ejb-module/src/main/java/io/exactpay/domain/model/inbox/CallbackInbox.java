package io.exactpay.domain.model.inbox;

import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.shared.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The channel events ExactPay took in, each once: keyed by (channel, channel transaction, event)
 * with a unique constraint. Only the channel intake writes it, and only with a channel's word: a
 * verified callback or the answer of a channel query ExactPay made itself. So settlement asks here,
 * under the order's lock, before it moves any money (docs/idempotency.md).
 */
public interface CallbackInbox {

    /**
     * Writes the event in; false when it was there already (or another intake just committed it).
     * While another transaction holds the same key uncommitted, this waits for that one to end.
     */
    boolean add(InboxEvent event, Channel channel, String channelTxnId, String outTradeNo,
                long amountMinor, String currency, Instant receivedAt);

    /** True when exactly this event, for this trade and amount, was taken in. */
    boolean holds(InboxEvent event, Channel channel, String channelTxnId, String outTradeNo, Money amount);

    /**
     * Forgets up to {@code batch} events received before the cutoff whose settlement is recorded:
     * the capture is there, the refund SUCCEEDED. An event not yet settled (a message waiting on the
     * dead-letter queue, say) is what vouches for its settlement, so it stays however old it is.
     */
    int forgetSettledBefore(Instant cutoff, int batch);

    /**
     * True while a transaction is in doubt in the order database (prepared, its outcome not yet
     * applied): the row that vouches for a capture or refund may be in it, written by the same
     * transaction as the settlement message that has already arrived.
     */
    boolean mayYetVouch();

    /** True when the channel's word that this transaction paid this trade this amount was taken in. */
    default boolean holdsCapture(Channel channel, String transactionId, String outTradeNo, Money amount) {
        return holds(InboxEvent.PAYMENT_CAPTURED, channel, transactionId, outTradeNo, amount);
    }

    /**
     * True when a refund success of this amount on this trade was taken in, under either key the
     * intake may have used (the channel's refund id, or out_refund_no when the channel gave none).
     */
    default boolean holdsRefundSuccess(Channel channel, String outTradeNo, String outRefundNo, String channelRefundId,
                                       Money amount) {
        return Stream.of(channelRefundId, outRefundNo).filter(Objects::nonNull)
                .anyMatch(key -> holds(InboxEvent.REFUND_SETTLED, channel, key, outTradeNo, amount));
    }
}
