package io.exactpay.infrastructure.persistence;

import io.exactpay.domain.model.inbox.CallbackInbox;
import io.exactpay.domain.model.inbox.InboxEvent;
import io.exactpay.domain.model.payment.Channel;
import io.exactpay.domain.model.refund.RefundStatus;
import io.exactpay.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The inbox table, {@code callback_inbox}. The insert skips a key that is already there
 * ({@code on conflict do nothing}); while another transaction holds the same key uncommitted,
 * PostgreSQL makes it wait for that one, then skip (committed) or insert (rolled back).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class JpaCallbackInbox implements CallbackInbox {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    @Override
    public boolean add(InboxEvent event, Channel channel, String channelTxnId, String outTradeNo,
                       long amountMinor, String currency, Instant receivedAt) {
        int inserted = em.createNativeQuery("insert into callback_inbox (channel, channel_txn_id, event_type,"
                        + " out_trade_no, amount_minor, currency, received_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict on constraint callback_inbox_event_key do nothing")
                .setParameter(1, channel.name())
                .setParameter(2, channelTxnId)
                .setParameter(3, event.name())
                .setParameter(4, outTradeNo)
                .setParameter(5, amountMinor)
                .setParameter(6, currency)
                .setParameter(7, receivedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return inserted == 1;
    }

    @Override
    public int forgetSettledBefore(Instant cutoff, int batch) {
        return BatchDelete.rows(em, "callback_inbox", "select i.ctid from callback_inbox i where i.received_at < ?1 and ("
                + "(i.event_type = ?3 and exists (select 1 from capture c"
                + " where c.channel = i.channel and c.channel_txn_id = i.channel_txn_id))"
                + " or (i.event_type = ?4 and exists (select 1 from refund r join capture c on c.id = r.capture_id"
                + " where c.channel = i.channel and r.status = ?5"
                + " and (r.channel_refund_id = i.channel_txn_id or r.out_refund_no = i.channel_txn_id))))",
                cutoff, batch, InboxEvent.PAYMENT_CAPTURED.name(), InboxEvent.REFUND_SETTLED.name(),
                RefundStatus.SUCCEEDED.name());
    }

    @Override
    public boolean mayYetVouch() {
        return ((Number) em.createNativeQuery(
                "select count(*) from pg_prepared_xacts where database = current_database()")
                .getSingleResult()).longValue() > 0;
    }

    @Override
    public boolean holds(InboxEvent event, Channel channel, String channelTxnId, String outTradeNo, Money amount) {
        return !em.createNativeQuery(
                        "select 1 from callback_inbox where channel = ?1 and channel_txn_id = ?2 and event_type = ?3"
                                + " and out_trade_no = ?4 and amount_minor = ?5 and currency = ?6")
                .setParameter(1, channel.name()).setParameter(2, channelTxnId).setParameter(3, event.name())
                .setParameter(4, outTradeNo).setParameter(5, amount.minorUnits()).setParameter(6, amount.currency())
                .getResultList().isEmpty();
    }
}
