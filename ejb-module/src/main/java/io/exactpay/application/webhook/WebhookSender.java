package io.exactpay.application.webhook;

import io.exactpay.domain.model.webhook.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs a webhook with the Standard Webhooks headers, signed at the moment it leaves. Every
 * attempt ends in an outcome, never an exception: a refused connection or a timeout is an answer
 * the receiver did not give, recorded like any other.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    private WebhookSettings settings;

    @Inject
    private Clock clock;

    private HttpClient http;

    @PostConstruct
    void open() {
        // Redirects are not followed: the registered URL is the only place a payload goes.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CompletableFuture<SendOutcome> send(OutgoingWebhook webhook) {
        Instant start = clock.instant();
        long timestamp = start.getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(settings.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "ExactPay-Webhooks/1")
                    .header("webhook-id", webhook.webhookId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(webhook.secrets(), webhook.webhookId(),
                            timestamp, webhook.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(webhook.payload(), StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new SendOutcome(start, null, 0, null,
                    SendOutcome.excerpt("invalid URL: " + e.getMessage())));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .handle((response, failure) -> {
                    long latency = Duration.between(start, clock.instant()).toMillis();
                    if (failure != null) return new SendOutcome(start, null, latency, null, describe(failure));
                    return new SendOutcome(start, response.statusCode(), latency, excerpt(response.body()), null);
                });
    }

    /** The start of the answer; the rest is not read, so a huge answer costs nothing. */
    private static String excerpt(InputStream body) {
        try (body) {
            return new String(body.readNBytes(SendOutcome.EXCERPT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
        String kind = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
        return SendOutcome.excerpt(kind + (cause.getMessage() != null ? ": " + cause.getMessage() : ""));
    }
}
