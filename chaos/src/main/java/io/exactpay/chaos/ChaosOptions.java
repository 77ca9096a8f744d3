package io.exactpay.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one chaos run does and where: the artifacts it runs, its ports, how many orders it drives
 * with how many clients, which parts it kills how often, and the bound on its time. Read from
 * {@code chaos.*} system properties.
 */
record ChaosOptions(Path war, Path rar, Path payaraMicro, Path jdbcDriver, String classPath, Path workDir,
                    int dbPort, int brokerPort, int sandboxPort, int proxyPort, List<Integer> httpPorts,
                    int orders, int clients, Map<Target, Integer> kills, Duration bound, long seed) {

    /** A part of the stack that the run kills. */
    enum Target { PAYARA, BROKER, DATABASE }

    static ChaosOptions fromSystemProperties() {
        return new ChaosOptions(path("chaos.war"), path("chaos.rar"), path("chaos.payara-micro"),
                path("chaos.jdbc-driver"), System.getProperty("chaos.classpath", System.getProperty("java.class.path")),
                path("chaos.work-dir"), integer("chaos.db.port", 21432), integer("chaos.broker.port", 21616),
                integer("chaos.sandbox.port", 21090), integer("chaos.proxy.port", 21080),
                Arrays.stream(System.getProperty("chaos.http.ports", "21081,21082").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                integer("chaos.orders", 1_000), integer("chaos.clients", 12),
                kills(System.getProperty("chaos.kills", "payara:2,broker:1,database:1")),
                Duration.ofMinutes(integer("chaos.minutes", 20)), Long.getLong("chaos.seed", 1L));
    }

    /** "payara:5,broker:2,database:1" */
    static Map<Target, Integer> kills(String spec) {
        Map<Target, Integer> kills = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) continue;
            String[] kv = part.trim().split(":");
            kills.put(Target.valueOf(kv[0].trim().toUpperCase()), Integer.valueOf(kv[1].trim()));
        }
        return kills;
    }

    /** The kills in the order the run makes them: spread out, Payara instances taking turns. */
    List<Target> killSequence() {
        List<List<Target>> lanes = new ArrayList<>();
        kills.forEach((target, n) -> {
            List<Target> lane = new ArrayList<>();
            for (int i = 0; i < n; i++) lane.add(target);
            lanes.add(lane);
        });
        List<Target> sequence = new ArrayList<>();
        int total = kills.values().stream().mapToInt(Integer::intValue).sum();
        // Interleave: at each step take from the lane that is furthest behind its share.
        int[] taken = new int[lanes.size()];
        for (int step = 0; step < total; step++) {
            int best = -1;
            double bestLag = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < lanes.size(); l++) {
                if (taken[l] == lanes.get(l).size()) continue;
                double lag = (step + 1.0) * lanes.get(l).size() / total - taken[l];
                if (lag > bestLag) {
                    bestLag = lag;
                    best = l;
                }
            }
            sequence.add(lanes.get(best).get(taken[best]++));
        }
        return sequence;
    }

    private static Path path(String key) {
        String value = System.getProperty(key);
        if (value == null) throw new IllegalArgumentException("Missing -D" + key);
        return Path.of(value).toAbsolutePath();
    }

    private static int integer(String key, int fallback) {
        return Integer.getInteger(key, fallback);
    }
}
