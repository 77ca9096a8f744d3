package io.exactpay.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * When the application on a Payara runtime (Micro or Server) serves requests: MicroProfile Health
 * reports the application's own checks up (an empty list of checks means the application is not
 * deployed yet) and the API answers, so that the first request after a start meets a serving API.
 */
public final class ApplicationReadiness {

    /**
     * An order that cannot exist, asked for without a bearer token: once the application serves
     * requests, the API answers 401. Not 404: the server answers that while the application is
     * still loading (or after it failed to).
     */
    private static final String API_PROBE = "api/v1/orders/00000000-0000-0000-0000-000000000000";

    private ApplicationReadiness() {
    }

    /**
     * Waits until the application at {@code baseUri} is ready. {@code started} says whether the
     * runtime has finished its own start (it throws when the runtime is gone, which ends the wait).
     */
    public static void await(URI baseUri, Duration timeout, String runtime, BooleanSupplier started)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpRequest api = HttpRequest.newBuilder(baseUri.resolve(API_PROBE)).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        String lastSeen = "nothing listening";
        while (Instant.now().isBefore(deadline)) {
            boolean runtimeStarted = started.getAsBoolean();
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                lastSeen = "runtime started " + runtimeStarted + ", health " + response.statusCode() + " "
                        + abbreviate(response.body());
                if (runtimeStarted && response.statusCode() == 200
                        && !response.body().replace(" ", "").contains("\"checks\":[]")) {
                    HttpResponse<Void> probe = client.send(api, HttpResponse.BodyHandlers.discarding());
                    if (apiAnswers(probe)) {
                        return;
                    }
                    lastSeen += ", API probe " + probe.statusCode() + " "
                            + probe.headers().firstValue("Content-Type").orElse("");
                }
            } catch (IOException notYet) {
                lastSeen = "runtime started " + runtimeStarted + ", " + notYet;
            }
            Thread.sleep(500);
        }
        // What it last answered: the difference between "still deploying" and "a check is down".
        throw new IllegalStateException(runtime + " not ready after " + timeout + "; last seen: " + lastSeen);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 600 ? oneLine : oneLine.substring(0, 600) + "...";
    }

    /**
     * The API itself answers the probe: 404 (or 401 where a token is required) as problem+json. The
     * container's own 404 page (HTML) means the application is not deployed yet, or not any more.
     */
    private static boolean apiAnswers(HttpResponse<?> probe) {
        return (probe.statusCode() == 404 || probe.statusCode() == 401) && probe.headers().firstValue("Content-Type")
                .filter(type -> type.startsWith("application/problem+json")).isPresent();
    }
}
