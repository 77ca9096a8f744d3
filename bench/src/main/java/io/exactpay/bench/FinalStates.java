package io.exactpay.bench;

import io.exactpay.server.Settings;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells payers when their orders have reached a final state, from one query on the order database
 * every few milliseconds for all the orders awaited. Waiting this way costs the server nothing:
 * a payer polling its order over the API made several hundred authenticated requests a second,
 * which the benchmark then counted as the CPU of settling payments.
 */
final class FinalStates implements AutoCloseable {

    private final Settings settings;
    private final long intervalMillis;
    private final Set<String> finals;
    private final Map<String, CompletableFuture<String>> awaited = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean open = true;

    FinalStates(Settings settings, long intervalMillis, Set<String> finals) {
        this.settings = settings;
        this.intervalMillis = intervalMillis;
        this.finals = finals;
        this.watcher = new Thread(this::watch, "final-states");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Completes with the order's status once it is final. */
    CompletableFuture<String> of(String orderId) {
        return awaited.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    /** No longer awaited (the payer gave up). */
    void forget(String orderId) {
        awaited.remove(orderId);
    }

    long intervalMillis() {
        return intervalMillis;
    }

    private void watch() {
        while (open) {
            try (Connection c = BenchDatabase.connect(settings);
                 PreparedStatement q = c.prepareStatement("select id::text, status from orders"
                         + " where id = any(?::uuid[]) and status = any(?)")) {
                Array states = c.createArrayOf("text", finals.toArray());
                while (open) {
                    if (!awaited.isEmpty()) {
                        q.setArray(1, c.createArrayOf("text", awaited.keySet().toArray()));
                        q.setArray(2, states);
                        try (ResultSet rows = q.executeQuery()) {
                            while (rows.next()) {
                                CompletableFuture<String> done = awaited.remove(rows.getString(1));
                                if (done != null) done.complete(rows.getString(2));
                            }
                        }
                    }
                    Thread.sleep(intervalMillis);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.out.println("  (final-state watch: " + e + "; connecting again)");
                try {
                    Thread.sleep(500);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        watcher.interrupt();
        watcher.join(5_000);
    }
}
