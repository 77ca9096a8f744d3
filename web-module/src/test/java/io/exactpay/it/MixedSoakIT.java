package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed soak: 2,000 orders, each in a random scenario (plain payment, both channels at once,
 * cancel racing a payment, expiry racing a payment, abandoned and cancelled), a fifth of them with
 * a sandbox fault on the way. Afterwards every order has settled, the money invariants hold, no XA
 * transaction is in doubt, the janitor has left no refund unsettled and the server logged no
 * warning or stack trace for an expected outcome (an event taken in twice, a lock wait retried);
 * a channel that does not answer in time under this load may still be logged. Prints the figures:
 * orders per second and the settlement latency from the metrics.
 */
class MixedSoakIT {

    private static final int ORDERS = Integer.getInteger("exactpay.soak.orders", 2_000);
    private static final int CLIENTS = 16;

    private enum Scenario { PAY, BOTH_CHANNELS, CANCEL_RACE, EXPIRY_RACE, ABANDON }

    private static final List<String> CALLBACK_FAULTS = List.of("DUPLICATE_CALLBACK", "DROP_CALLBACK",
            "DELAY_CALLBACK", "DROP_ALL_CALLBACKS", "OUT_OF_ORDER");

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    @Test
    void twoThousandMixedOrders_everyOrderSettlesAndTheInvariantsHold() throws Exception {
        String run = "S-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        long log = ConsoleLog.mark();
        Map<Scenario, Integer> scenarios = new EnumMap<>(Scenario.class);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long started = System.nanoTime();
        List<Future<Orders.Opened>> work = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Scenario scenario = pick();
            scenarios.merge(scenario, 1, Integer::sum);
            String no = run + i;
            work.add(pool.submit(() -> play(no, scenario)));
        }
        List<Orders.Opened> orders = new ArrayList<>();
        for (Future<Orders.Opened> f : work) orders.add(f.get());
        pool.shutdown();
        double driven = (System.nanoTime() - started) / 1e9;

        long deadline = System.currentTimeMillis() + 300_000;
        String like = run + "%";
        while (Orders.unsettled(like) > 0 && System.currentTimeMillis() < deadline) Thread.sleep(1_000);
        double settled = (System.nanoTime() - started) / 1e9;
        assertEquals(0, Orders.unsettled(like), "every order settled: final state, refunds settled, no trade open on a"
                + " closed order");

        // What each order keeps, from its captures and succeeded refunds, and its ledger, in one pass.
        String money = "with m as (select o.id, o.status, o.amount_minor,"
                + " (select coalesce(sum(c.amount_minor), 0) from capture c where c.order_id = o.id)"
                + " - (select coalesce(sum(r.amount_minor), 0) from refund r where r.order_id = o.id"
                + " and r.status = 'SUCCEEDED') kept,"
                + " (select coalesce(sum(l.amount_minor), 0) from ledger_entry l where l.order_id = o.id) ledger"
                + " from orders o where o.merchant_order_no like ?) ";
        assertEquals(0, OrderDatabase.count(money + "select count(*) from m where kept <> case when status = 'PAID'"
                + " then amount_minor else 0 end", like), "a paid order keeps its amount, any other nothing");
        assertEquals(0, OrderDatabase.count(money + "select count(*) from m where ledger <> kept", like),
                "every order's ledger equals what it keeps");
        assertEquals(ORDERS, orders.size());
        assertEquals(0, OrderDatabase.count("select count(*) from refund r join orders o on o.id = r.order_id"
                + " where o.merchant_order_no like ? and r.status <> 'SUCCEEDED'", like), "every refund succeeded");

        String metrics = Metrics.scrape();
        System.out.printf("soak: %d orders %s, driven in %.1f s (%.1f orders/s), all settled after %.1f s"
                        + " (%.1f orders/s); settlement latency capture p50 %s p99 %s, refund p50 %s p99 %s;"
                        + " outcomes %s%n", ORDERS, scenarios, driven, ORDERS / driven, settled, ORDERS / settled,
                Metrics.quantile(metrics, "exactpay_settlement_latency_ms", "capture", "0.5"),
                Metrics.quantile(metrics, "exactpay_settlement_latency_ms", "capture", "0.99"),
                Metrics.quantile(metrics, "exactpay_settlement_latency_ms", "refund", "0.5"),
                Metrics.quantile(metrics, "exactpay_settlement_latency_ms", "refund", "0.99"),
                outcomes(like));
        assertTrue(metrics.contains("exactpay_orders_created"), "the counters are published");
        ConsoleLog.assertNothingLoudAboutExpectedOutcomesSince(log);
    }

    private static Scenario pick() {
        int n = ThreadLocalRandom.current().nextInt(100);
        if (n < 30) return Scenario.PAY;
        if (n < 55) return Scenario.BOTH_CHANNELS;
        if (n < 80) return Scenario.CANCEL_RACE;
        if (n < 90) return Scenario.EXPIRY_RACE;
        return Scenario.ABANDON;
    }

    private static Orders.Opened play(String no, Scenario scenario) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long amount = 100 + random.nextInt(100_000);
        String channel = random.nextBoolean() ? "WECHAT_PAY" : "ALIPAY";
        Orders.Opened o = switch (scenario) {
            case BOTH_CHANNELS -> Orders.open(no, amount, null, "WECHAT_PAY", "ALIPAY");
            case EXPIRY_RACE -> Orders.open(no, amount, 5, channel);
            default -> Orders.open(no, amount, null, channel);
        };
        if (random.nextInt(5) == 0) {
            String trade = o.trade(0);
            String fault = scenario == Scenario.CANCEL_RACE && random.nextBoolean() ? "PAY_AFTER_CLOSE"
                    : CALLBACK_FAULTS.get(random.nextInt(CALLBACK_FAULTS.size()));
            Sandbox.faults(Orders.sandboxChannel(trade), trade, fault);
        }
        switch (scenario) {
            case PAY -> pay(o, 0);
            case BOTH_CHANNELS -> {
                Thread t = new Thread(() -> payQuietly(o, 1));
                t.start();
                pay(o, 0);
                t.join();
            }
            case CANCEL_RACE -> {
                String reason = random.nextBoolean() ? "PAYER_REQUEST" : "MERCHANT_REQUEST";
                if (random.nextBoolean()) {
                    pay(o, 0);
                    Thread.sleep(random.nextLong(500));
                    Orders.cancel(o.orderId(), reason);
                } else {
                    Orders.cancel(o.orderId(), reason);
                    pay(o, 0);
                }
            }
            case EXPIRY_RACE -> {
                // Around the moment the order expires, 5 s after it was placed.
                Thread.sleep(3_500 + random.nextLong(3_000));
                pay(o, 0);
            }
            case ABANDON -> Orders.cancel(o.orderId(), "PAYER_REQUEST");
        }
        return o;
    }

    private static void pay(Orders.Opened o, int trade) throws Exception {
        int status = Sandbox.pay(Orders.sandboxChannel(o.trade(trade)), o.trade(trade));
        if (status != 200 && status != 409) throw new AssertionError("payer got HTTP " + status);
    }

    private static void payQuietly(Orders.Opened o, int trade) {
        try {
            pay(o, trade);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcomes(String like) throws Exception {
        return "PAID=" + OrderDatabase.count("select count(*) from orders where merchant_order_no like ? and status = 'PAID'", like)
                + " CLOSED=" + OrderDatabase.count("select count(*) from orders where merchant_order_no like ? and status = 'CLOSED'", like)
                + " REFUNDED=" + OrderDatabase.count("select count(*) from orders where merchant_order_no like ? and status = 'REFUNDED'", like)
                + " DUPLICATE=" + OrderDatabase.count("select count(*) from capture c join orders o on o.id = c.order_id"
                        + " where o.merchant_order_no like ? and c.role = 'DUPLICATE'", like)
                + " LATE=" + OrderDatabase.count("select count(*) from capture c join orders o on o.id = c.order_id"
                        + " where o.merchant_order_no like ? and c.role = 'LATE'", like);
    }
}
