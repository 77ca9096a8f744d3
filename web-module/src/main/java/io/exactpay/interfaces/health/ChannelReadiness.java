package io.exactpay.interfaces.health;

import io.exactpay.infrastructure.channel.ChannelRejectedException;
import io.exactpay.infrastructure.channel.PaymentChannel;
import io.exactpay.infrastructure.channel.PaymentChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Ready only when every configured channel answers a signed query, and at least one is configured.
 * The query is for a trade that does not exist, so it moves nothing; its answer is kept for a
 * while so that frequent probes do not become channel traffic.
 */
@Readiness
@ApplicationScoped
public class ChannelReadiness implements HealthCheck {

    private static final Duration KEEP = Duration.ofSeconds(30);
    private static final String PROBE_TRADE = "exactpay-readiness-probe";

    @Inject
    private PaymentChannels channels;

    private volatile HealthCheckResponse last;
    private volatile Instant lastAt = Instant.MIN;

    @Override
    public HealthCheckResponse call() {
        if (last != null && lastAt.plus(KEEP).isAfter(Instant.now()) && last.getStatus() == HealthCheckResponse.Status.UP) {
            return last;
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("channels").up();
        if (channels.all().isEmpty()) {
            response.down().withData("error", "no payment channel configured (exactpay.channel.*)");
        }
        for (PaymentChannel channel : channels.all()) {
            String answer = probe(channel);
            response.withData(channel.channel().name(), answer);
            if (answer.startsWith("unreachable")) response.down();
        }
        last = response.build();
        lastAt = Instant.now();
        return last;
    }

    private static String probe(PaymentChannel channel) {
        try {
            return "answered " + channel.queryPayment(PROBE_TRADE).state();
        } catch (ChannelRejectedException e) {
            return "answered " + e.code();
        } catch (RuntimeException e) { // ChannelOutcomeUnknownException above all: no answer
            return "unreachable: " + e.getMessage();
        }
    }
}
