package io.exactpay.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;

/** The server's clock: the only time ExactPay trusts for expiry and ordering. */
@ApplicationScoped
public class ServerClock {

    /** Ticks in microseconds, the precision PostgreSQL stores, so what we return is what we keep. */
    @Produces
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
