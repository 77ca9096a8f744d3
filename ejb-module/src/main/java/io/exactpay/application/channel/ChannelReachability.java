package io.exactpay.application.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether every configured channel answers a signed query, for the readiness check. The query is
 * for a trade that does not exist, so it moves nothing. Readiness is probed by anyone who can reach
 * the server, so the answer is kept for a while whatever it was (a channel that is down must not
 * turn each probe into gateway traffic), one probe runs at a time, and a failure is reported as
 * {@code unreachable} only: its exception text (addresses, hosts) goes to the log, not to the caller.
 */
public final class ChannelReachability {

    /** The channels' answers by channel name, and whether all of them answered. */
    public record Report(boolean allAnswered, Map<String, String> answers) {
    }

    static final String PROBE_TRADE = "exactpay-readiness-probe";
    static final String UNREACHABLE = "unreachable";
    private static final Logger LOG = Logger.getLogger(ChannelReachability.class.getName());

    private final Supplier<Collection<PaymentChannel>> channels;
    private final Clock clock;
    private final Duration keepAnswered;
    private final Duration keepUnreachable;

    private Report last;
    private Instant lastAt;

    public ChannelReachability(Supplier<Collection<PaymentChannel>> channels, Clock clock, Duration keepAnswered,
                               Duration keepUnreachable) {
        this.channels = channels;
        this.clock = clock;
        this.keepAnswered = keepAnswered;
        this.keepUnreachable = keepUnreachable;
    }

    /** The last report while it is fresh, otherwise a new probe of every channel. */
    public synchronized Report report() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(lastAt.plus(last.allAnswered() ? keepAnswered : keepUnreachable))) {
            return last;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        boolean allAnswered = true;
        for (PaymentChannel channel : channels.get()) {
            String answer = probe(channel);
            answers.put(channel.channel().name(), answer);
            allAnswered &= !answer.equals(UNREACHABLE);
        }
        last = new Report(allAnswered, Map.copyOf(answers));
        lastAt = now;
        return last;
    }

    private static String probe(PaymentChannel channel) {
        try {
            return "answered " + channel.queryPayment(PROBE_TRADE).state();
        } catch (ChannelRejectedException e) {
            return "answered " + e.code();
        } catch (RuntimeException e) { // ChannelOutcomeUnknownException above all: no answer
            LOG.log(Level.WARNING, () -> "Readiness: " + channel.channel() + " did not answer: " + e);
            return UNREACHABLE;
        }
    }
}
