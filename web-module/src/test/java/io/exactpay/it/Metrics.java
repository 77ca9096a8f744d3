package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;

import java.net.http.HttpResponse;

/** Reads values from the Prometheus text that {@code /metrics} serves. */
public final class Metrics {

    private Metrics() {
    }

    /** Scrapes {@code /metrics} as Prometheus does, with an admin's bearer token (nobody else may read it). */
    public static String scrape() throws Exception {
        HttpResponse<String> response = Api.get("/metrics", Api.staffToken(DevelopmentTokens.ADMIN));
        if (response.statusCode() != 200) throw new AssertionError("/metrics: " + response.statusCode() + " " + response.body());
        return response.body();
    }

    /**
     * A histogram's quantile for one event, as text ("n/a" when absent):
     * {@code name{event="...",mp_scope="application",quantile="0.5"} 12.0}.
     */
    public static String quantile(String metrics, String name, String event, String quantile) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("event=\"" + event + "\"")
                        && l.contains("quantile=\"" + quantile + "\""))
                .findFirst()
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .orElse("n/a");
    }

    /** The sum of every sample of the metric (all tag combinations), 0 when absent. */
    public static double total(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
