package io.exactpay.application.janitor;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One batch of forgetting per call, each in a transaction of its own, so a purge of a large
 * backlog never holds many rows or a long transaction. Only replay guards are deleted, and only
 * once no channel or sender can still repeat what they guard; the books (orders, attempts,
 * captures, refunds, ledger, audit) are never touched here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionSteps {

    @PersistenceContext(unitName = "exactpay")
    private EntityManager em;

    /** WeChat Pay nonces whose timestamp window closed before the cutoff. */
    public int forgetNonces(Instant cutoff, int batch) {
        return delete("callback_nonce", "select ctid from callback_nonce where forget_after < ?1", cutoff, batch);
    }

    /**
     * Inbox rows received before the cutoff whose event is settled: the capture is recorded, the
     * refund SUCCEEDED. A row whose settlement has not happened (a message waiting on the dead-letter
     * queue, say) is what vouches for it, so it stays however old it is.
     */
    public int forgetSettledCallbacks(Instant cutoff, int batch) {
        return delete("callback_inbox", "select i.ctid from callback_inbox i where i.received_at < ?1 and ("
                + "(i.event_type = 'PAYMENT_CAPTURED' and exists (select 1 from capture c"
                + " where c.channel = i.channel and c.channel_txn_id = i.channel_txn_id))"
                + " or (i.event_type = 'REFUND_SETTLED' and exists (select 1 from refund r join capture c on c.id = r.capture_id"
                + " where c.channel = i.channel and r.status = 'SUCCEEDED'"
                + " and (r.channel_refund_id = i.channel_txn_id or r.out_refund_no = i.channel_txn_id))))",
                cutoff, batch);
    }

    /** Legacy commands processed before the cutoff: their sender's retries are long over. */
    public int forgetProcessedMessages(Instant cutoff, int batch) {
        return delete("processed_message", "select ctid from processed_message where processed_at < ?1", cutoff, batch);
    }

    /** Deletes up to {@code batch} of the rows the query selects (by their physical row id). */
    private int delete(String table, String selectRows, Instant cutoff, int batch) {
        return em.createNativeQuery("delete from " + table + " where ctid in (" + selectRows + " limit ?2)")
                .setParameter(1, cutoff.atOffset(ZoneOffset.UTC))
                .setParameter(2, batch)
                .executeUpdate();
    }
}
