package io.exactpay.application.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The console's charts, read from the books (not from one instance's metrics, so every instance
 * draws the same): captures by role, duplicate and late payments per hour, how long settlement
 * took from the channel's word to the settling commit, and the trades still open.
 */
public interface ConsoleStatistics {

    Snapshot snapshot(int hours);

    /** Over the last {@code hours}, on the server's clock. */
    record Snapshot(Instant from, Instant to, Map<String, Long> capturesByRole, List<Hour> hours,
                    Map<String, Long> openAttemptsByChannel, long failedRefunds, long deadWebhooks) {
    }

    /**
     * One hour: its DUPLICATE and LATE captures, and the settlement latency of its captures in
     * milliseconds (50th and 99th percentile, the slowest; null without captures).
     */
    record Hour(Instant start, long duplicate, long late, long captures, Long latencyP50Ms, Long latencyP99Ms,
                Long latencyMaxMs) {
    }
}
