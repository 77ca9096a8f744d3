package io.exactpay.domain.model.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryScheduleTest {

    private static final RetrySchedule DEFAULTS = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(6),
            Duration.ofDays(3));

    @Test
    void waitsDoubleFromTheFirstRetryUpToTheLongestWait() {
        assertEquals(Duration.ofSeconds(5), DEFAULTS.delayAfter(1));
        assertEquals(Duration.ofSeconds(10), DEFAULTS.delayAfter(2));
        assertEquals(Duration.ofSeconds(20), DEFAULTS.delayAfter(3));
        assertEquals(Duration.ofSeconds(5 * 1024), DEFAULTS.delayAfter(11));
        assertEquals(Duration.ofHours(6), DEFAULTS.delayAfter(14));
        assertEquals(Duration.ofHours(6), DEFAULTS.delayAfter(1_000));
    }

    @Test
    void aReceiverThatNeverAnswersIsTriedForThreeDaysThenGivenUp() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = DEFAULTS.windowFrom(start);
        List<Instant> attempts = new ArrayList<>(List.of(start));
        Optional<Instant> next = Optional.of(start);
        while (next.isPresent()) {
            next = DEFAULTS.nextAttempt(attempts.size(), attempts.get(attempts.size() - 1), until);
            next.ifPresent(attempts::add);
        }
        Instant last = attempts.get(attempts.size() - 1);
        assertTrue(!last.isAfter(until), "no attempt after the window: " + last);
        assertTrue(last.isAfter(until.minus(Duration.ofHours(6))), "the last attempt is within one wait of the end: " + last);
        assertEquals(24, attempts.size(), "attempts in three days: " + attempts);
    }

    @Test
    void scaledDownForTestsTheSameShapeTakesSeconds() {
        RetrySchedule fast = new RetrySchedule(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(20));
        Instant start = Instant.EPOCH;
        assertEquals(Optional.of(start.plusMillis(500)), fast.nextAttempt(1, start, fast.windowFrom(start)));
        assertEquals(Optional.empty(), fast.nextAttempt(9, start.plusSeconds(19), fast.windowFrom(start)));
    }
}
