package io.exactpay.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first retry after {@code firstRetry}, each next wait
 * doubled up to {@code maxDelay}; no attempt after {@code retryFor} from the start of the window
 * (the event, or a resend). With the defaults (5 s, 6 h, 3 days) that is 24 attempts, the last about 3 days in.
 */
public record RetrySchedule(Duration firstRetry, Duration maxDelay, Duration retryFor) {

    public RetrySchedule {
        if (firstRetry.isNegative() || firstRetry.isZero()) throw new IllegalArgumentException("firstRetry must be positive");
        if (maxDelay.compareTo(firstRetry) < 0) throw new IllegalArgumentException("maxDelay must be at least firstRetry");
        if (retryFor.isNegative()) throw new IllegalArgumentException("retryFor must not be negative");
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) throw new IllegalArgumentException("failedAttempts starts at 1");
        Duration delay = firstRetry;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** The next attempt after a failure at {@code now}, or empty when it would fall past the window: DEAD. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now, Instant retryUntil) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(retryUntil) ? Optional.empty() : Optional.of(next);
    }

    public Instant windowFrom(Instant start) {
        return start.plus(retryFor);
    }
}
