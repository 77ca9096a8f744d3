package io.exactpay.infrastructure.channel;

import io.exactpay.application.channel.NonceRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link NonceRegistry} in this JVM's memory: for tests and a single instance only. Several
 * instances behind a load balancer need the database-backed registry, or a replay sent to
 * another instance passes.
 */
public final class InProcessNonceRegistry implements NonceRegistry {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;

    public InProcessNonceRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String scope, String nonce, Instant forgetAfter) {
        Instant now = clock.instant();
        seen.values().removeIf(expiry -> expiry.isBefore(now));
        return seen.putIfAbsent(scope + "\n" + nonce, forgetAfter) == null;
    }

    @Override
    public int forgetBefore(Instant cutoff, int batch) {
        int forgotten = 0;
        for (var it = seen.values().iterator(); it.hasNext() && forgotten < batch; ) {
            if (it.next().isBefore(cutoff)) {
                it.remove();
                forgotten++;
            }
        }
        return forgotten;
    }
}
