package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unpaid-order timeout and the janitor (EJB timers on the server clock; every second in this
 * suite, with work stale after 5 s): expiry racing a payment, a payment whose callbacks never
 * come, and a refund whose channel keeps failing.
 */
class JanitorAndExpiryIT {

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private static String run() {
        return "J-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    /** When a payer pays, relative to the order's expiry. */
    private enum Payer {
        /** At once, on an order with 20 s to pay: the payment wins, however slow the machine. */
        WELL_BEFORE,
        /** Only once the order has left PENDING: the expiry has won, the payment is refused or refunded. */
        WELL_AFTER,
        /** At a random moment from 1.5 s before to 1.5 s after the order's 5 s are up: either may win. */
        AROUND
    }

    /**
     * Whoever wins, an order ends PAID keeping its amount or CLOSED (EXPIRED) keeping nothing, a
     * capture that came too late refunded. The payers well before and well after the expiry make sure
     * both outcomes are exercised on any machine; those around it race for real, and how their races
     * ended is printed, not asserted, since a loaded machine moves that split.
     */
    @Test
    void expiryRacingAPayment_orderEndsPaidWithItsAmountOrClosedWithNothing() throws Exception {
        String run = run();
        int count = 40;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<Orders.Opened>> racing = new ArrayList<>();
        Map<String, Payer> payers = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String no = run + i;
            String channel = i % 2 == 0 ? "WECHAT_PAY" : "ALIPAY";
            Payer payer = i % 5 == 0 ? Payer.WELL_BEFORE : i % 5 == 1 ? Payer.WELL_AFTER : Payer.AROUND;
            long wait = 3_500 + ThreadLocalRandom.current().nextLong(3_000);
            racing.add(pool.submit(() -> {
                long placed = System.currentTimeMillis();
                Orders.Opened o = Orders.open(no, 500, payer == Payer.WELL_BEFORE ? 20 : 5, channel);
                payers.put(o.orderId(), payer);
                if (payer == Payer.WELL_AFTER) {
                    Await.until("order " + o.orderId() + " expired", 60_000,
                            () -> !"PENDING".equals(Orders.status(o.orderId())));
                } else if (payer == Payer.AROUND) {
                    Thread.sleep(Math.max(0, placed + wait - System.currentTimeMillis()));
                }
                int status = Sandbox.pay(Orders.sandboxChannel(o.trade(0)), o.trade(0));
                assertTrue(List.of(200, 409).contains(status), "payer's answer " + status);
                return o;
            }));
        }
        List<Orders.Opened> orders = new ArrayList<>();
        for (Future<Orders.Opened> f : racing) orders.add(f.get());
        pool.shutdown();

        Map<Payer, Map<String, Integer>> outcomes = new EnumMap<>(Payer.class);
        int late = 0;
        for (Orders.Opened o : orders) {
            String status = Orders.awaitFinal(o.orderId(), 60_000);
            Payer payer = payers.get(o.orderId());
            outcomes.computeIfAbsent(payer, p -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (status.equals("PAID")) {
                assertEquals(o.amount(), Orders.kept(o.orderId()), "a paid order keeps its amount: " + o.orderId());
            } else {
                late += (int) Orders.captures(o.orderId(), "LATE");
                assertEquals("CLOSED", status, o.orderId());
                assertEquals(0, Orders.kept(o.orderId()), "an expired order keeps nothing: " + o.orderId());
                assertEquals("EXPIRED", OrderDatabase.text("select cancel_reason from orders where id = ?::uuid", o.orderId()));
            }
            assertEquals(Orders.kept(o.orderId()), Orders.ledger(o.orderId()), "ledger of " + o.orderId());
            if (payer == Payer.WELL_BEFORE) assertEquals("PAID", status, "paid 20 s before its expiry: " + o.orderId());
            if (payer == Payer.WELL_AFTER) assertEquals("CLOSED", status, "paid after it expired: " + o.orderId());
        }
        System.out.printf("expiry vs pay over %d orders, by when the payer paid: %s (%d late captures refunded)%n",
                count, outcomes, late);
    }

    @Test
    void paymentWhoseCallbacksNeverCome_isFoundByTheJanitorsQuery() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 777, null, "WECHAT_PAY");
        Sandbox.faults("wechatpay", order.trade(0), "DROP_ALL_CALLBACKS");
        assertEquals(200, Sandbox.pay("wechatpay", order.trade(0)));

        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        assertEquals(0, Sandbox.acknowledged("wechatpay", order.trade(0)), "no callback reached ExactPay");
        assertEquals(1, Orders.captures(order.orderId(), "PRIMARY"));
        assertEquals(777, Orders.ledger(order.orderId()));
    }

    @Test
    void refundWhoseChannelKeepsFailing_endsFailedWithAnAlertAndSucceedsWhenSupportRetries() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 1200, null, "ALIPAY");
        Sandbox.faults("alipay", order.trade(0), "REFUNDS_DOWN");
        assertEquals(200, Sandbox.pay("alipay", order.trade(0)));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);

        HttpResponse<String> cancelled = Orders.cancel(order.orderId(), "MERCHANT_REQUEST");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals(1, Orders.awaitRefund(order.orderId(), "ORDER_CANCELLED", "FAILED", 30_000),
                "FAILED once the attempts are used up");
        assertEquals("REFUNDING", Orders.status(order.orderId()));
        assertEquals(1200, Orders.kept(order.orderId()), "no money moved yet");

        JsonObject failed = Api.json("{\"f\":" + Api.get("/api/v1/admin/refunds/failed", Api.staffToken("support")).body() + "}")
                .getJsonArray("f").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("orderId").equals(order.orderId())).findFirst().orElse(null);
        assertNotNull(failed, "support sees the FAILED refund");
        long alertDeadline = System.currentTimeMillis() + 15_000;
        double alert = 0;
        while (alert < 1 && System.currentTimeMillis() < alertDeadline) {
            alert = Metrics.total(Metrics.scrape(), "exactpay_refunds_failed");
            if (alert < 1) Thread.sleep(500);
        }
        assertTrue(alert >= 1, "the alert gauge exactpay_refunds_failed counts it");
        assertTrue(failed.getString("failure").contains("failed on attempt"), failed.toString());

        Sandbox.clearFaults("alipay", order.trade(0));
        HttpResponse<String> retried = Api.post("/api/v1/admin/refunds/" + failed.getString("id") + "/retry", "",
                Api.staffToken("support"));
        assertEquals(200, retried.statusCode(), retried.body());
        Orders.awaitSettled(order.orderId(), "REFUNDED", 30_000);
        assertEquals(0, Orders.kept(order.orderId()));
        assertEquals(0, Orders.ledger(order.orderId()));
    }

    @Test
    void paymentCallbackArrivingAfterItsRefundNotice_isAcknowledgedAndChangesNothing() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 640, null, "ALIPAY", "WECHAT_PAY");
        // The WeChat Pay payment's callback is held back until its refund's notice has gone out. The
        // Alipay payment settles first; closing the WeChat Pay trade then loses to the payer, so the
        // close consumer takes that capture in from its query: DUPLICATE, refunded. Then the
        // refund notice comes, and only then the payment callback, which must change nothing.
        Sandbox.faults("wechatpay", order.trade(1), "OUT_OF_ORDER");
        assertEquals(200, Sandbox.pay("wechatpay", order.trade(1)));
        assertEquals(200, Sandbox.pay("alipay", order.trade(0)));

        long deadline = System.currentTimeMillis() + 40_000;
        while (Sandbox.acknowledged("wechatpay", order.trade(1)) < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        List<JsonObject> deliveries = Sandbox.callbacks("wechatpay", order.trade(1)).getValuesAs(JsonObject.class)
                .stream().filter(d -> "ACKNOWLEDGED".equals(d.getString("outcome"))).toList();
        assertEquals(List.of("REFUND.SUCCESS", "TRANSACTION.SUCCESS"), deliveries.stream().map(d -> d.getString("kind")).toList(),
                "the refund notice first, the payment callback after it");
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        assertEquals(1, Orders.captures(order.orderId(), "DUPLICATE"));
        assertEquals(1, Orders.refunds(order.orderId(), "DUPLICATE_PAYMENT", "SUCCEEDED"));
        assertEquals(640, Orders.kept(order.orderId()));
        assertEquals(640, Orders.ledger(order.orderId()));
    }
}
