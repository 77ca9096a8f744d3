package io.exactpay.application.webhook;

import io.exactpay.domain.model.webhook.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The webhook settings ({@code exactpay.webhooks.*}), read once. */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.first-retry", defaultValue = "PT5S")
    Duration firstRetry;

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.max-retry-delay", defaultValue = "PT6H")
    Duration maxRetryDelay;

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.retry-for", defaultValue = "PT72H")
    Duration retryFor;

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.read-timeout", defaultValue = "PT10S")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "exactpay.webhooks.rotation-overlap", defaultValue = "PT24H")
    Duration rotationOverlap;

    public RetrySchedule retrySchedule() {
        return new RetrySchedule(firstRetry, maxRetryDelay, retryFor);
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration rotationOverlap() {
        return rotationOverlap;
    }

    /**
     * How long a claimed delivery is left to its sender before another pass may take it: a
     * sender that died mid-send is covered by a second attempt (at least once).
     */
    public Duration claimLease() {
        return connectTimeout.plus(readTimeout).plusSeconds(30);
    }
}
