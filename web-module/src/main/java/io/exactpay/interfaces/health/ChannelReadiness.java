package io.exactpay.interfaces.health;

import io.exactpay.application.channel.ChannelReachability;
import io.exactpay.application.channel.PaymentChannels;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Duration;

/**
 * Ready only when every configured channel answers a signed query, and at least one is configured.
 * Answers are kept (30 s, 5 s while a channel does not answer), so probes never become channel traffic.
 */
@Readiness
@ApplicationScoped
public class ChannelReadiness implements HealthCheck {

    @Inject
    private PaymentChannels channels;

    @Inject
    private Clock clock;

    private ChannelReachability reachability;

    @PostConstruct
    void start() {
        reachability = new ChannelReachability(channels::all, clock, Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("channels").up();
        if (channels.all().isEmpty()) {
            return response.down().withData("error", "no payment channel configured (exactpay.channel.*)").build();
        }
        ChannelReachability.Report report = reachability.report();
        report.answers().forEach(response::withData);
        if (!report.allAnswered()) response.down();
        return response.build();
    }
}
