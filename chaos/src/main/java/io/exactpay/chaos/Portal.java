package io.exactpay.chaos;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The portal API as a careful portal calls it across two instances: requests go to the instances
 * in turn, and a request that meets a dead or starting instance is sent again to the next one
 * with the same Idempotency-Key, so a retry never places or opens anything twice.
 */
final class Portal {

    /** An answer of the application itself (not a dead instance's or a starting container's). */
    record Answer(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    /** Longer than an instance's restart on a loaded machine (up to about six minutes seen). */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);

    private final List<URI> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Portal(List<URI> instances) {
        this.instances = instances;
    }

    Answer post(String path, String json, String token, String idempotencyKey) throws InterruptedException {
        return send(path, token, idempotencyKey, HttpRequest.BodyPublishers.ofString(json));
    }

    Answer get(String path, String token) throws InterruptedException {
        return send(path, token, null, null);
    }

    private Answer send(String path, String token, String idempotencyKey, HttpRequest.BodyPublisher body)
            throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            URI base = instances.get(Math.floorMod(next.getAndIncrement(), instances.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(body);
            }
            if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (fromTheApplication(response) && !retryLater(response)) {
                    return new Answer(response.statusCode(), response.body());
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException down) {
                last = down.toString();
            }
            retries.incrementAndGet();
            Thread.sleep(250);
        }
        throw new IllegalStateException("no instance answered " + path + " within " + GIVE_UP_AFTER + ": " + last);
    }

    /**
     * The application's own answers are JSON (problem+json for errors). What else comes back is an
     * instance that is starting or stopping (the container's HTML page) or a 5xx that a retry with
     * the same key may get past: both are tried again.
     */
    private static boolean fromTheApplication(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() >= 500 && response.statusCode() != 502 && response.statusCode() != 503) return false;
        if (response.statusCode() == 503 && !type.startsWith("application/problem+json")) return false;
        return type.startsWith("application/json") || type.startsWith("application/problem+json");
    }

    /**
     * Answers that ask the caller to come back: the same Idempotency-Key is still being worked on
     * (its first request's transaction may be in doubt on an instance that is restarting), or the
     * order was held past the lock timeout. A portal retries them with the same key.
     */
    private static boolean retryLater(HttpResponse<String> response) {
        return response.statusCode() == 409 && (response.body().contains("/idempotency-in-progress")
                || response.body().contains("/order-busy"));
    }

    long retries() {
        return retries.get();
    }
}
