package io.exactpay.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules (server-config/src/main/prometheus/exactpay-rules.yml) page on what the server
 * really serves: every metric a rule reads is on /metrics under that name, and the in-doubt age
 * follows a transaction prepared in the order database.
 */
class AlertMetricsIT {

    /** Served by features that are not part of this server yet (reconciliation, merchant webhooks). */
    private static final Set<String> NOT_YET_SERVED = Set.of("exactpay_reconciliation_unmatched_lines",
            "exactpay_webhooks_dead");

    private static Set<String> servedNames(String metrics) {
        Set<String> names = new TreeSet<>();
        metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    @Test
    void everyMetricAnAlertRuleReads_isServed() throws Exception {
        String rules = Files.readString(Path.of(System.getProperty("exactpay.it.alert-rules")));
        Set<String> read = new TreeSet<>();
        rules.lines().filter(l -> !l.strip().startsWith("#")).forEach(l -> {
            Matcher name = Pattern.compile("exactpay_[a-z_]+").matcher(l);
            while (name.find()) read.add(name.group());
        });
        assertTrue(read.size() >= 7, "rules read " + read);
        // A settled capture makes the counters and the latency histogram appear.
        Orders.Opened order = Orders.open("AM-" + UUID.randomUUID(), 700, null, "WECHAT_PAY");
        assertEquals(200, Sandbox.pay("wechatpay", order.trade(0)));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);

        Set<String> served = servedNames(Metrics.scrape());
        read.removeAll(NOT_YET_SERVED);
        read.removeAll(served);
        assertEquals(Set.of(), read, "read by an alert rule, not served on /metrics");
    }

    @Test
    void transactionPreparedInTheDatabase_showsItsAgeForTheInDoubtAlert() throws Exception {
        String gid = "it-in-doubt-" + UUID.randomUUID();
        try (Connection c = OrderDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("select 1");
            s.execute("prepare transaction '" + gid + "'");
            c.setAutoCommit(true);
            try {
                double age = awaitAge(a -> a >= 6);
                assertTrue(age >= 6, "a branch prepared for over 6 s shows its age: " + age);
            } finally {
                s.execute("rollback prepared '" + gid + "'");
            }
            assertEquals(0.0, awaitAge(a -> a == 0), "nothing prepared: 0");
        }
    }

    private static double awaitAge(java.util.function.DoublePredicate until) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        double age;
        do {
            Thread.sleep(500);
            age = Metrics.total(Metrics.scrape(), "exactpay_prepared_transactions_oldest_seconds");
        } while (!until.test(age) && System.currentTimeMillis() < deadline);
        return age;
    }
}
