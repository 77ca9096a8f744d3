package io.exactpay.application.internal;

import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the callback inbox vouches for. Only {@link ChannelIntake} writes it, and only with a
 * channel's word: a verified callback or the answer of a channel query ExactPay made itself. So
 * settlement asks here, under the order's lock, before it moves any money (docs/idempotency.md).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CallbackInbox {

    /** The inbox's event types: a payment the channel captured, a refund it settled. */
    static final String PAYMENT_CAPTURED = "PAYMENT_CAPTURED";
    static final String REFUND_SETTLED = "REFUND_SETTLED";

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    /** True when the channel's word that this transaction paid this trade this amount was taken in. */
    public boolean holdsCapture(Channel channel, String transactionId, String outTradeNo, Money amount) {
        return holds(channel, PAYMENT_CAPTURED, Stream.of(transactionId), outTradeNo, amount);
    }

    /**
     * True when a refund success of this amount on this trade was taken in, under either key the
     * intake may have used (the channel's refund id, or out_refund_no when the channel gave none).
     */
    public boolean holdsRefundSuccess(Channel channel, String outTradeNo, String outRefundNo, String channelRefundId,
                                      Money amount) {
        return holds(channel, REFUND_SETTLED, Stream.of(channelRefundId, outRefundNo), outTradeNo,
                amount);
    }

    /**
     * True while a transaction is in doubt in the order database (prepared, its outcome not yet
     * applied): the row that vouches for a capture or refund may be in it, written by the same
     * transaction as the settlement message that has already arrived.
     */
    public boolean mayYetVouch() {
        return ((Number) em.createNativeQuery(
                "select count(*) from pg_prepared_xacts where database = current_database()")
                .getSingleResult()).longValue() > 0;
    }

    private boolean holds(Channel channel, String eventType, Stream<String> keys, String outTradeNo, Money amount) {
        return keys.filter(Objects::nonNull).anyMatch(key -> !em.createNativeQuery(
                        "select 1 from callback_inbox where channel = ?1 and channel_txn_id = ?2 and event_type = ?3"
                                + " and out_trade_no = ?4 and amount_minor = ?5 and currency = ?6")
                .setParameter(1, channel.name()).setParameter(2, key).setParameter(3, eventType)
                .setParameter(4, outTradeNo).setParameter(5, amount.minorUnits()).setParameter(6, amount.currency())
                .getResultList().isEmpty());
    }
}
