package io.exactpay.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Orders as a portal and a payer drive them, and what the database says of their money. */
public final class Orders {

    /** An order and the out_trade_no of each channel trade opened for it, in the order asked. */
    public record Opened(String orderId, String merchantOrderNo, long amount, List<String> trades) {
        public String trade(int i) {
            return trades.get(i);
        }
    }

    private Orders() {
    }

    /** Places an order and opens a trade on each channel given (API names: WECHAT_PAY, ALIPAY). */
    public static Opened open(String merchantOrderNo, long amount, Integer timeToPaySeconds, String... channels)
            throws Exception {
        return openAs(Api.defaultPortalToken(), merchantOrderNo, amount, timeToPaySeconds, channels);
    }

    /** The same, as the portal client whose token is given (its webhooks are the ones told). */
    public static Opened openAs(String portalToken, String merchantOrderNo, long amount, Integer timeToPaySeconds,
                                String... channels) throws Exception {
        var body = Json.createObjectBuilder().add("merchantOrderNo", merchantOrderNo).add("amount", amount)
                .add("currency", "CNY").add("subject", "Test order");
        if (timeToPaySeconds != null) body.add("timeToPaySeconds", timeToPaySeconds);
        HttpResponse<String> created = Api.post("/api/v1/orders", body.build().toString(), portalToken);
        if (created.statusCode() != 201) throw new AssertionError("order not created: " + created.body());
        String orderId = Api.json(created.body()).getString("id");
        List<String> trades = new ArrayList<>();
        for (String channel : channels) {
            HttpResponse<String> started = Api.post("/api/v1/orders/" + orderId + "/payments",
                    "{\"channel\":\"" + channel + "\"}", portalToken);
            if (started.statusCode() != 201) throw new AssertionError("payment not started: " + started.body());
            trades.add(Api.json(started.body()).getString("outTradeNo"));
        }
        return new Opened(orderId, merchantOrderNo, amount, trades);
    }

    /** The sandbox's name of the channel of one of our out_trade_no (W... WeChat Pay, A... Alipay). */
    public static String sandboxChannel(String outTradeNo) {
        return outTradeNo.startsWith("W") ? "wechatpay" : "alipay";
    }

    public static HttpResponse<String> cancel(String orderId, String reason) throws Exception {
        return Api.post("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"" + reason + "\"}");
    }

    public static JsonObject get(String orderId) throws Exception {
        return Api.json(Api.get("/api/v1/orders/" + orderId).body());
    }

    public static String status(String orderId) throws Exception {
        return OrderDatabase.text("select status from orders where id = ?::uuid", orderId);
    }

    /** Waits until the order is in the status, and every refund of it has settled (succeeded or failed). */
    public static void awaitSettled(String orderId, String status, long timeoutMillis) throws Exception {
        if (Await.within(timeoutMillis,
                () -> status.equals(status(orderId)) && unsettledRefunds(orderId) == 0 && openTrades(orderId) == 0)) {
            return;
        }
        throw new AssertionError("order " + orderId + " is " + status(orderId) + " with " + unsettledRefunds(orderId)
                + " unsettled refunds and " + openTrades(orderId) + " open trades, not settled " + status
                + "; timeline: " + Api.get("/api/v1/orders/" + orderId + "/timeline").body());
    }

    /**
     * Waits until the order's state and its refunds stop changing (PAID, REFUNDED, or CLOSED with no
     * open trade, and no refund in flight), and returns the state.
     */
    public static String awaitFinal(String orderId, long timeoutMillis) throws Exception {
        boolean settled = Await.within(timeoutMillis, () -> {
            String status = status(orderId);
            return List.of("CLOSED", "REFUNDED", "PAID").contains(status) && unsettledRefunds(orderId) == 0
                    && (!status.equals("CLOSED") || openTrades(orderId) == 0);
        });
        if (!settled) throw new AssertionError("order " + orderId + " did not settle: " + status(orderId)
                + "; timeline: " + Api.get("/api/v1/orders/" + orderId + "/timeline").body());
        return status(orderId);
    }

    /** Waits until the order has a refund for the reason in the status, and returns how many it has. */
    public static long awaitRefund(String orderId, String reason, String status, long timeoutMillis) throws Exception {
        Await.until("a " + reason + " refund " + status + " for order " + orderId, timeoutMillis,
                () -> refunds(orderId, reason, status) > 0);
        return refunds(orderId, reason, status);
    }

    /**
     * Orders whose merchant_order_no is like the pattern and that have not settled: a non-final
     * state, an unsettled refund, or a closed order's open trade.
     */
    public static long unsettled(String merchantOrderNoLike) throws Exception {
        return OrderDatabase.count("select count(*) from orders o where o.merchant_order_no like ? and ("
                + " o.status not in ('PAID', 'CLOSED', 'REFUNDED')"
                + " or exists (select 1 from refund r where r.order_id = o.id and r.status in ('REQUESTED', 'SUBMITTED'))"
                + " or (o.status = 'CLOSED' and exists (select 1 from payment_attempt a where a.order_id = o.id"
                + " and a.status in ('OPENING', 'OPEN'))))", merchantOrderNoLike);
    }

    public static long unsettledRefunds(String orderId) throws Exception {
        return OrderDatabase.count("select count(*) from refund where order_id = ?::uuid"
                + " and status in ('REQUESTED', 'SUBMITTED')", orderId);
    }

    public static long openTrades(String orderId) throws Exception {
        return OrderDatabase.count("select count(*) from payment_attempt where order_id = ?::uuid"
                + " and status in ('OPENING', 'OPEN')", orderId);
    }

    /** What ExactPay holds for the order: captures less succeeded refunds. */
    public static long kept(String orderId) throws Exception {
        return OrderDatabase.count("select (select coalesce(sum(amount_minor), 0) from capture where order_id = ?::uuid)"
                + " - (select coalesce(sum(amount_minor), 0) from refund where order_id = ?::uuid"
                + " and status = 'SUCCEEDED')", orderId, orderId);
    }

    /** The order's ledger balance, which must equal {@link #kept}. */
    public static long ledger(String orderId) throws Exception {
        return OrderDatabase.count("select coalesce(sum(amount_minor), 0) from ledger_entry where order_id = ?::uuid",
                orderId);
    }

    public static long captures(String orderId, String role) throws Exception {
        return OrderDatabase.count("select count(*) from capture where order_id = ?::uuid and role = ?", orderId, role);
    }

    public static long refunds(String orderId, String reason, String status) throws Exception {
        return OrderDatabase.count("select count(*) from refund where order_id = ?::uuid and reason = ? and status = ?",
                orderId, reason, status);
    }
}
