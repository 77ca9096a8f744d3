package io.exactpay.it;

import io.exactpay.sandbox.AlipaySigning;
import io.exactpay.sandbox.SandboxKeys;
import io.exactpay.sandbox.WechatPaySigning;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Retention: replay guards older than the retention period (7 days, the suite's default) are
 * forgotten by the retention timer (every 2 s in this build), and so is the attempt log of webhook
 * deliveries that are over; young ones stay, a delivery still being retried keeps its log, and the
 * books stay whole. A callback whose inbox row is gone but whose nonce is still within its window is refused
 * when replayed; an Alipay notification replayed after its inbox row is gone moves no money.
 * The callbacks are signed here with the sandbox's channel keys, so the very same request can be
 * sent again.
 */
class RetentionIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String EIGHT_DAYS_AGO = "now() - interval '8 days'";

    private static SandboxKeys keys;
    private static WechatPaySigning wechat;
    private static AlipaySigning alipay;

    @BeforeAll
    static void channelKeys() {
        keys = SandboxKeys.loadOrGenerate(Path.of(System.getProperty("exactpay.data-dir")).resolve("sandbox-keys"));
        wechat = new WechatPaySigning(keys, Clock.systemUTC());
        alipay = new AlipaySigning(keys);
    }

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    /** A WeChat Pay payment callback, signed now with its own nonce: its headers and body. */
    private record Callback(Map<String, String> headers, String body, String contentType) {
    }

    private static Callback wechatPaid(String outTradeNo, long amount) {
        String t = Json.createObjectBuilder()
                .add("appid", keys.wechatAppid())
                .add("mchid", keys.wechatMchid())
                .add("out_trade_no", outTradeNo)
                .add("transaction_id", "42" + System.nanoTime())
                .add("trade_type", "NATIVE")
                .add("trade_state", "SUCCESS")
                .add("success_time", "2026-11-25T10:00:00+08:00")
                .add("amount", Json.createObjectBuilder().add("total", amount).add("currency", "CNY")
                        .add("payer_total", amount).add("payer_currency", "CNY"))
                .build().toString();
        String body = wechat.notificationBody("evt-" + outTradeNo, "TRANSACTION.SUCCESS", "transaction", "支付成功", t);
        return new Callback(wechat.signedHeaders(body, Instant.now(), UUID.randomUUID().toString().replace("-", ""),
                keys.wechatPlatformKeyId()), body, "application/json");
    }

    private static Callback alipayPaid(String outTradeNo, long amount) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_time", "2026-11-25 10:00:01");
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", UUID.randomUUID().toString());
        p.put("charset", "UTF-8");
        p.put("version", "1.0");
        p.put("app_id", keys.alipayAppId());
        p.put("seller_id", keys.alipaySellerId());
        p.put("trade_no", "2026" + System.nanoTime());
        p.put("out_trade_no", outTradeNo);
        p.put("trade_status", "TRADE_SUCCESS");
        p.put("total_amount", String.format("%d.%02d", amount / 100, amount % 100));
        p.put("gmt_payment", "2026-11-25 10:00:00");
        return new Callback(Map.of(), AlipaySigning.formBody(alipay.signNotification(p)),
                "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> deliver(String channel, Callback callback) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Api.uri("/api/v1/callbacks/" + channel))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", callback.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(callback.body()));
        callback.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An order of {@code amount} with a trade open on {@code channel}: order id and out_trade_no. */
    private static String[] openTrade(String channel, long amount) throws Exception {
        String orderId = Api.placeOrder("RT-" + UUID.randomUUID(), amount);
        HttpResponse<String> started = Api.post("/api/v1/orders/" + orderId + "/payments",
                "{\"channel\":\"" + channel + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        return new String[] {orderId, Api.json(started.body()).getString("outTradeNo")};
    }

    private static void awaitPaid(String orderId) throws Exception {
        Orders.awaitSettled(orderId, "PAID", 30_000);
        assertEquals(1, Orders.captures(orderId, "PRIMARY"));
    }

    private static void execute(String sql, Object... params) throws Exception {
        try (var c = OrderDatabase.connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }

    private static void awaitGone(String sql, Object... params) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (OrderDatabase.count(sql, params) > 0 && System.currentTimeMillis() < deadline) Thread.sleep(250);
        assertEquals(0, OrderDatabase.count(sql, params), "still there after 30 s: " + sql);
    }

    private static long books(String orderId) throws Exception {
        return OrderDatabase.count("select (select count(*) from orders where id = ?::uuid)"
                + " + (select count(*) from payment_attempt where order_id = ?::uuid)"
                + " + (select count(*) from capture where order_id = ?::uuid)"
                + " + (select count(*) from refund where order_id = ?::uuid)"
                + " + (select count(*) from ledger_entry where order_id = ?::uuid)"
                + " + (select count(*) from order_audit where order_id = ?::uuid)",
                orderId, orderId, orderId, orderId, orderId, orderId);
    }

    @Test
    void oldReplayGuardsAndFinishedWebhookAttemptsAreForgotten_youngOnesAndTheBooksStay() throws Exception {
        String[] old = openTrade("WECHAT_PAY", 610);
        assertEquals(204, deliver("wechatpay", wechatPaid(old[1], 610)).statusCode());
        awaitPaid(old[0]);
        String[] young = openTrade("ALIPAY", 620);
        assertEquals(200, deliver("alipay", alipayPaid(young[1], 620)).statusCode());
        awaitPaid(young[0]);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        execute("update callback_inbox set received_at = " + EIGHT_DAYS_AGO + " where out_trade_no = ?", old[1]);
        // An old capture that was never settled: its inbox row is what vouches for it, so it stays.
        execute("insert into callback_inbox (channel, channel_txn_id, event_type, out_trade_no, amount_minor, currency,"
                + " received_at) values ('WECHAT_PAY', ?, 'PAYMENT_CAPTURED', ?, 610, 'CNY', " + EIGHT_DAYS_AGO + ")",
                "unsettled-" + tag, old[1]);
        execute("insert into callback_nonce (scope, nonce, forget_after) values"
                + " ('wechatpay', ?, " + EIGHT_DAYS_AGO + "), ('wechatpay', ?, now() - interval '1 day')",
                "old-" + tag, "past-window-" + tag);
        execute("insert into processed_message (client_id, message_id, command, consumer, delivery_attempt, order_id,"
                + " order_revision, processed_at) values"
                + " ('erp', ?, 'AddOrderRemark', 'it', 1, ?::uuid, 1, " + EIGHT_DAYS_AGO + "),"
                + " ('erp', ?, 'AddOrderRemark', 'it', 1, ?::uuid, 1, now() - interval '6 days')",
                "old-" + tag, old[0], "young-" + tag, old[0]);
        // Webhook deliveries of a disabled endpoint (nothing sends them): one delivered with an old and
        // a young attempt, one still being retried with an old attempt.
        String endpoint = UUID.randomUUID().toString();
        String delivered = UUID.randomUUID().toString();
        String retrying = UUID.randomUUID().toString();
        execute("insert into webhook_endpoint (id, client_id, url, event_types, secret, created_at, disabled_at)"
                + " values (?::uuid, 'retention-it', 'http://127.0.0.1:9/none', 'OrderPaid', 'whsec_none', "
                + EIGHT_DAYS_AGO + ", now())", endpoint);
        for (String[] d : new String[][] {{delivered, "DELIVERED"}, {retrying, "PENDING"}}) {
            execute("insert into webhook_delivery (id, endpoint_id, event_id, event_type, order_id, payload, status,"
                    + " attempts, created_at, next_attempt_at, retry_until) values (?::uuid, ?::uuid, ?::uuid, 'OrderPaid',"
                    + " ?::uuid, '{}', ?, 1, " + EIGHT_DAYS_AGO + ", now() + interval '1 day', now() + interval '1 day')",
                    d[0], endpoint, UUID.randomUUID().toString(), old[0], d[1]);
            execute("insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error)"
                    + " values (?::uuid, " + EIGHT_DAYS_AGO + ", 200, 5, ?)", d[0], "old-" + tag);
        }
        execute("insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error)"
                + " values (?::uuid, now() - interval '6 days', 200, 5, ?)", delivered, "young-" + tag);
        long oldBooks = books(old[0]);
        long youngBooks = books(young[0]);

        awaitGone("select count(*) from callback_nonce where nonce = ?", "old-" + tag);
        awaitGone("select count(*) from processed_message where message_id = ?", "old-" + tag);
        awaitGone("select count(*) from callback_inbox where out_trade_no = ? and channel_txn_id not like 'unsettled-%'",
                old[1]);

        awaitGone("select count(*) from webhook_attempt where delivery_id = ?::uuid and error = ?", delivered, "old-" + tag);
        assertEquals(1, OrderDatabase.count("select count(*) from webhook_attempt where delivery_id = ?::uuid", delivered),
                "a finished delivery's young attempt stays");
        assertEquals(1, OrderDatabase.count("select count(*) from webhook_attempt where delivery_id = ?::uuid", retrying),
                "a delivery still being retried keeps its whole log");
        assertEquals(2, OrderDatabase.count("select count(*) from webhook_delivery where endpoint_id = ?::uuid", endpoint),
                "the deliveries themselves stay");
        assertEquals(1, OrderDatabase.count("select count(*) from callback_nonce where nonce = ?", "past-window-" + tag),
                "a nonce is kept for the retention period after its window closed");
        assertEquals(1, OrderDatabase.count("select count(*) from processed_message where message_id = ?", "young-" + tag));
        assertEquals(1, OrderDatabase.count("select count(*) from callback_inbox where channel_txn_id = ?",
                "unsettled-" + tag), "an unsettled event's inbox row stays however old");
        assertEquals(1, OrderDatabase.count("select count(*) from callback_inbox where out_trade_no = ?", young[1]));
        assertEquals(oldBooks, books(old[0]), "orders, attempts, captures, refunds, ledger and audit are kept");
        assertEquals(youngBooks, books(young[0]));
        execute("delete from callback_inbox where channel_txn_id = ?", "unsettled-" + tag);
        execute("delete from webhook_attempt where delivery_id in (?::uuid, ?::uuid)", delivered, retrying);
        execute("delete from webhook_delivery where endpoint_id = ?::uuid", endpoint);
        execute("delete from webhook_endpoint where id = ?::uuid", endpoint);
    }

    @Test
    void wechatCallbackReplayedAfterItsInboxRowIsForgotten_refusedByItsNonce() throws Exception {
        String[] trade = openTrade("WECHAT_PAY", 630);
        Callback callback = wechatPaid(trade[1], 630);
        assertEquals(204, deliver("wechatpay", callback).statusCode());
        awaitPaid(trade[0]);
        execute("update callback_inbox set received_at = " + EIGHT_DAYS_AGO + " where out_trade_no = ?", trade[1]);
        awaitGone("select count(*) from callback_inbox where out_trade_no = ?", trade[1]);

        HttpResponse<String> replay = deliver("wechatpay", callback);

        assertEquals(400, replay.statusCode(), "the very same signed request, still within its window: " + replay.body());
        assertEquals(0, OrderDatabase.count("select count(*) from callback_inbox where out_trade_no = ?", trade[1]));
        assertEquals(1, Orders.captures(trade[0], "PRIMARY"));
        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid", trade[0]));
    }

    @Test
    void alipayNotificationReplayedAfterItsInboxRowIsForgotten_movesNoMoney() throws Exception {
        String[] trade = openTrade("ALIPAY", 640);
        Callback notification = alipayPaid(trade[1], 640);
        assertEquals(200, deliver("alipay", notification).statusCode());
        awaitPaid(trade[0]);
        long books = books(trade[0]);
        execute("update callback_inbox set received_at = " + EIGHT_DAYS_AGO + " where out_trade_no = ?", trade[1]);
        awaitGone("select count(*) from callback_inbox where out_trade_no = ?", trade[1]);

        HttpResponse<String> replay = deliver("alipay", notification);
        assertEquals(200, replay.statusCode(), replay.body());
        Thread.sleep(3_000); // its settlement, had it moved money, would have landed by now

        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid", trade[0]),
                "the capture's unique keys take the replay as the payment it already settled");
        assertEquals(0, OrderDatabase.count("select count(*) from refund where order_id = ?::uuid", trade[0]));
        assertEquals(640, Orders.kept(trade[0]));
        assertEquals(books, books(trade[0]));
        assertEquals("PAID", Orders.status(trade[0]));
    }
}
