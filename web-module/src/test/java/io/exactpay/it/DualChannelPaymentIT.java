package io.exactpay.it;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Race 1: the payer pays one order on WeChat Pay and on Alipay at the same instant. Exactly one
 * capture becomes the order's payment; the other is recorded as DUPLICATE with exactly one refund
 * requested, and the payer and merchant are told (OrderPaid, DuplicatePaymentRefunding).
 */
@ExtendWith(QuietConsole.class)
class DualChannelPaymentIT {

    private static final int ORDERS = 200;

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private record Opened(String orderId, String wechat, String alipay) {
    }

    private static Opened open(String merchantOrderNo) throws Exception {
        String orderId = Api.placeOrder(merchantOrderNo, 1000 + ThreadLocalRandom.current().nextInt(9000));
        String wechat = Api.json(Api.post("/api/v1/orders/" + orderId + "/payments", "{\"channel\":\"WECHAT_PAY\"}")
                .body()).getString("outTradeNo");
        String alipay = Api.json(Api.post("/api/v1/orders/" + orderId + "/payments", "{\"channel\":\"ALIPAY\"}")
                .body()).getString("outTradeNo");
        return new Opened(orderId, wechat, alipay);
    }

    @Test
    void bothChannelsPayAtOnce_exactlyOnePrimaryAndOneDuplicateRefundedOnce() throws Exception {
        String run = "D-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Opened>> opening = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String no = run + i;
            opening.add(pool.submit(() -> open(no)));
        }
        List<Opened> orders = new ArrayList<>();
        for (Future<Opened> f : opening) orders.add(f.get());

        // Both payments of an order leave together, in a random order; orders overlap each other.
        List<Future<?>> paying = new ArrayList<>();
        for (Opened o : orders) {
            boolean wechatFirst = ThreadLocalRandom.current().nextBoolean();
            paying.add(pool.submit(() -> Sandbox.pay(wechatFirst ? "wechatpay" : "alipay", wechatFirst ? o.wechat() : o.alipay())));
            paying.add(pool.submit(() -> Sandbox.pay(wechatFirst ? "alipay" : "wechatpay", wechatFirst ? o.alipay() : o.wechat())));
        }
        for (Future<?> f : paying) assertEquals(200, f.get());
        pool.shutdown();

        String like = run + "%";
        long deadline = System.currentTimeMillis() + 180_000;
        while (captures(like) < 2L * ORDERS && System.currentTimeMillis() < deadline) Thread.sleep(500);

        assertEquals(2L * ORDERS, captures(like), "both captures of every order recorded");
        assertEquals(ORDERS, OrderDatabase.count("select count(*) from orders where merchant_order_no like ?"
                + " and status = 'PAID'", like));
        assertEquals(0, OrderDatabase.count("select count(*) from orders o where o.merchant_order_no like ? and"
                + " (select count(*) from capture c where c.order_id = o.id and c.role = 'PRIMARY') <> 1", like),
                "exactly one PRIMARY capture per order");
        assertEquals(0, OrderDatabase.count("select count(*) from capture c join orders o on o.id = c.order_id"
                + " where o.merchant_order_no like ? and c.role <> 'PRIMARY' and (select count(*) from refund r"
                + " where r.capture_id = c.id and r.reason = 'DUPLICATE_PAYMENT' and r.amount_minor = c.amount_minor) <> 1",
                like), "every DUPLICATE capture has exactly one refund of its whole amount");
        assertEquals(0, OrderDatabase.count("select count(*) from orders o where o.merchant_order_no like ? and"
                + " (select sum(amount_minor) from capture c where c.order_id = o.id)"
                + " - (select coalesce(sum(amount_minor), 0) from refund r where r.order_id = o.id)"
                + " <> o.amount_minor", like), "a paid order keeps exactly its amount once its refunds settle");

        Map<String, Integer> paid = new HashMap<>();
        Map<String, Integer> refunding = new HashMap<>();
        for (Message m : Broker.receiveAll(Broker.EVENTS, "type IN ('OrderPaid', 'DuplicatePaymentRefunding')", 3_000)) {
            JsonObject event = Api.json(((TextMessage) m).getText());
            if (!event.getString("merchantOrderNo").startsWith(run)) continue;
            (event.getString("type").equals("OrderPaid") ? paid : refunding).merge(event.getString("orderId"), 1, Integer::sum);
        }
        for (Opened o : orders) {
            assertEquals(1, paid.getOrDefault(o.orderId(), 0), "one OrderPaid for " + o.orderId());
            assertEquals(1, refunding.getOrDefault(o.orderId(), 0), "one DuplicatePaymentRefunding for " + o.orderId());
        }

        // The refund consumer submits each refund; the channels confirm it; the books end right.
        deadline = System.currentTimeMillis() + 120_000;
        while (OrderDatabase.count("select count(*) from refund r join orders o on o.id = r.order_id"
                + " where o.merchant_order_no like ? and r.status <> 'SUCCEEDED'", like) > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(ORDERS, OrderDatabase.count("select count(*) from refund r join orders o on o.id = r.order_id"
                + " where o.merchant_order_no like ? and r.status = 'SUCCEEDED'", like), "every duplicate refunded");
        assertEquals(0, OrderDatabase.count("select count(*) from orders o where o.merchant_order_no like ? and"
                + " (select sum(amount_minor) from ledger_entry l where l.order_id = o.id) <> o.amount_minor", like),
                "each order's ledger: two captures in, one refund out, its amount kept");
        assertEquals(0, OrderDatabase.count("select count(*) from payment_attempt a join orders o on o.id = a.order_id"
                + " where o.merchant_order_no like ? and a.status <> 'CAPTURED'", like), "both trades captured");
    }

    private static long captures(String like) throws Exception {
        return OrderDatabase.count("select count(*) from capture c join orders o on o.id = c.order_id"
                + " where o.merchant_order_no like ?", like);
    }
}
