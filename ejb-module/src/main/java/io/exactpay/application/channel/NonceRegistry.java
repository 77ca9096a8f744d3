package io.exactpay.application.channel;

import java.time.Instant;

/**
 * Remembers callback nonces so a signed callback cannot be replayed within its timestamp window.
 * Production keeps them in a table with a unique key, shared by every instance.
 */
public interface NonceRegistry {

    /**
     * Records the nonce and reports whether this is the first time it is seen.
     *
     * @param scope keeps channels' nonces apart, e.g. "wechatpay"
     * @param forgetAfter after this instant the nonce's timestamp is out of the window anyway
     * @return true when first seen; false for a replay
     */
    boolean firstSeen(String scope, String nonce, Instant forgetAfter);

    /** Forgets up to {@code batch} nonces whose timestamp window closed before the cutoff; how many it forgot. */
    int forgetBefore(Instant cutoff, int batch);
}
