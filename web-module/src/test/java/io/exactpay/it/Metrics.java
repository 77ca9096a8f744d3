package io.exactpay.it;

/** Reads values from the Prometheus text that {@code /metrics} serves. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * A timer's quantile in milliseconds, as text ("n/a" when absent). Timers are published in
     * seconds: {@code name_seconds{event="...",quantile="0.5",...} 0.012}.
     */
    public static String quantile(String metrics, String name, String event, String quantile) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + "_seconds{") && l.contains("event=\"" + event + "\"")
                        && l.contains("quantile=\"" + quantile + "\""))
                .findFirst()
                .map(l -> String.format("%.1f ms", Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) * 1000))
                .orElse("n/a");
    }

    /** The sum of every sample of the metric (all tag combinations), 0 when absent. */
    public static double total(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
