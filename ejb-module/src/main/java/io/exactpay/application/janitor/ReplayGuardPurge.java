package io.exactpay.application.janitor;

import io.exactpay.application.channel.NonceRegistry;
import io.exactpay.application.internal.ProcessedMessages;
import io.exactpay.domain.model.inbox.CallbackInbox;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * One batch of forgetting per call, each in a transaction of its own, so a purge of a large
 * backlog never holds many rows or a long transaction. Only replay guards are deleted, and only
 * once no channel or sender can still repeat what they guard; the books (orders, attempts,
 * captures, refunds, ledger, audit) are never touched here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReplayGuardPurge {

    @Inject
    private NonceRegistry nonces;

    @Inject
    private CallbackInbox inbox;

    @Inject
    private ProcessedMessages processedMessages;

    /** WeChat Pay nonces whose timestamp window closed before the cutoff. */
    public int forgetNonces(Instant cutoff, int batch) {
        return nonces.forgetBefore(cutoff, batch);
    }

    /**
     * Inbox rows received before the cutoff whose event is settled: the capture is recorded, the
     * refund SUCCEEDED. A row whose settlement has not happened (a message waiting on the dead-letter
     * queue, say) is what vouches for it, so it stays however old it is.
     */
    public int forgetSettledCallbacks(Instant cutoff, int batch) {
        return inbox.forgetSettledBefore(cutoff, batch);
    }

    /** Legacy commands processed before the cutoff: their sender's retries are long over. */
    public int forgetProcessedMessages(Instant cutoff, int batch) {
        return processedMessages.forgetBefore(cutoff, batch);
    }
}
