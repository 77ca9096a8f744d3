package io.exactpay.it;

import jakarta.jms.JMSContext;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API behind the support console: finding an order by any of its numbers, what happened
 * around it, dead letters replayed or discarded by an admin, the charts' numbers; every staff
 * action audited with the person's name; the console's static pages open, its data never.
 */
class SupportConsoleApiIT {

    private static final String REFUNDS = "exactpay.refunds";

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private static String run() {
        return "SC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    private static String support() {
        return Api.staffToken("support");
    }

    private static String admin() {
        return Api.staffToken("admin");
    }

    private static List<JsonObject> array(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Api.json("{\"a\":" + response.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> find(String number) throws Exception {
        return array(Api.get("/api/v1/admin/orders?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8),
                support()));
    }

    /** Both channels paid at once, as in the README's race walkthrough; returns the transaction ids by trade. */
    static Map<String, String> payBothAtOnce(Orders.Opened order) throws Exception {
        CompletableFuture<JsonObject> wechat = CompletableFuture.supplyAsync(() -> paid("wechatpay", order.trade(0)));
        CompletableFuture<JsonObject> alipay = CompletableFuture.supplyAsync(() -> paid("alipay", order.trade(1)));
        return Map.of(order.trade(0), wechat.get().getString("transactionId"),
                order.trade(1), alipay.get().getString("transactionId"));
    }

    private static JsonObject paid(String channel, String outTradeNo) {
        try {
            return Sandbox.paid(channel, outTradeNo);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDuplicatePaidOrderIsFoundByEachOfItsNumbersWithItsCallbacks_andOnlyStaffMaySearch() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 2500, null, "WECHAT_PAY", "ALIPAY");
        Map<String, String> transactions = payBothAtOnce(order);
        Orders.awaitRefund(order.orderId(), "DUPLICATE_PAYMENT", "SUCCEEDED", 30_000);
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        String outRefundNo = OrderDatabase.text("select out_refund_no from refund where order_id = ?::uuid",
                order.orderId());

        Map<String, String> numbers = new java.util.LinkedHashMap<>();
        numbers.put(order.orderId(), "ORDER_ID");
        numbers.put(order.merchantOrderNo(), "MERCHANT_ORDER_NO");
        numbers.put(order.trade(0), "OUT_TRADE_NO");
        numbers.put(order.trade(1), "OUT_TRADE_NO");
        transactions.values().forEach(t -> numbers.put(t, "CHANNEL_TRANSACTION_ID"));
        numbers.put(outRefundNo, "OUT_REFUND_NO");
        for (var number : numbers.entrySet()) {
            List<JsonObject> found = find(" " + number.getKey() + " ");
            assertEquals(1, found.size(), number + ": " + found);
            assertEquals(order.orderId(), found.get(0).getString("orderId"), number.toString());
            // An Alipay refund's channel id is its trade's transaction id: that number matches both.
            assertTrue(List.of(found.get(0).getString("matchedBy").split(", ")).contains(number.getValue()),
                    number + ": " + found);
            assertEquals("PAID", found.get(0).getString("status"));
        }
        assertEquals(List.of(), find(run() + "nothing"), "a number no order has");
        assertEquals(400, Api.get("/api/v1/admin/orders?number=", support()).statusCode());
        assertEquals(400, Api.get("/api/v1/admin/orders?number=" + "x".repeat(65), support()).statusCode());

        JsonObject activity = Api.json(Api.get("/api/v1/admin/orders/" + order.orderId() + "/activity", admin()).body());
        List<String> callbacks = activity.getJsonArray("callbacks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("eventType")).sorted().toList();
        assertEquals(List.of("PAYMENT_CAPTURED", "PAYMENT_CAPTURED", "REFUND_SETTLED"), callbacks);

        for (String path : List.of("/api/v1/admin/orders?number=" + order.trade(0),
                "/api/v1/admin/orders/" + order.orderId() + "/activity", "/api/v1/admin/dead-letters",
                "/api/v1/admin/statistics", "/api/v1/admin/staff-actions")) {
            assertEquals(403, Api.get(path, Api.portalToken(Api.CLIENT)).statusCode(), "portal: " + path);
            HttpResponse<String> anonymous = Api.get(path, null);
            assertEquals(401, anonymous.statusCode(), "no token: " + path);
            assertTrue(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    path);
        }
        assertEquals(404, Api.get("/api/v1/admin/orders/" + UUID.randomUUID() + "/activity", support()).statusCode());
    }

    @Test
    void theConsolesPagesAreServedWithoutATokenAndAllowOnlyTheirOwnScripts() throws Exception {
        for (String page : List.of("/console/", "/console/console.js", "/console/console.css")) {
            HttpResponse<String> response = Api.get(page, null);
            assertEquals(200, response.statusCode(), page);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'")
                    && policy.contains("frame-ancestors 'none'"), page + ": " + policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        String html = Api.get("/console/", null).body();
        assertTrue(html.contains("<script src=\"console.js\""), "the script is a file of its own");
        assertFalse(html.matches("(?s).*<script(?![^>]*src=)[^>]*>.*"), "no inline script");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from elsewhere");
    }

    @Test
    void aDeadLetterIsListedWithItsReason_anAdminReplaysOrDiscardsIt_andEachIsAuditedWithTheirName() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = Broker.connectionFactory().createContext()) {
            context.createProducer().setProperty("marker", marker).send(context.createQueue(REFUNDS), "not json " + marker);
        }
        JsonObject letter = awaitDeadLetter(marker, null);
        assertEquals(REFUNDS, letter.getString("origin"));
        assertTrue(letter.getString("reason").startsWith("malformed"), letter.toString());
        assertTrue(letter.getBoolean("replayable"));
        String id = letter.getString("jmsMessageId");
        String path = "/api/v1/admin/dead-letters/" + URLEncoder.encode(id, StandardCharsets.UTF_8);

        assertEquals(403, Api.post(path + "/replay", "", support()).statusCode(), "support lists, only an admin replays");
        assertEquals(403, Api.delete(path, support()).statusCode(), "support lists, only an admin discards");
        assertEquals(0, actions(id), "a refused action leaves no audit line");

        HttpResponse<String> replayed = Api.post(path + "/replay", "", Api.tokens().staff("ada.admin", "admin",
                java.time.Duration.ofMinutes(10)));
        assertEquals(200, replayed.statusCode(), replayed.body());
        // Back on exactpay.refunds, still not JSON: dead-lettered again, as a new message.
        JsonObject again = awaitDeadLetter(marker, id);
        assertEquals(1, OrderDatabase.count("select count(*) from staff_action where subject = ? and actor = ?"
                + " and action = 'DEAD_LETTER_REPLAYED' and detail like '%back to exactpay.refunds%'", id, "staff:ada.admin"));
        assertEquals(404, Api.post(path + "/replay", "", admin()).statusCode(), "replayed once only");

        String againPath = "/api/v1/admin/dead-letters/" + URLEncoder.encode(again.getString("jmsMessageId"), StandardCharsets.UTF_8);
        HttpResponse<String> discarded = Api.delete(againPath, admin());
        assertEquals(200, discarded.statusCode(), discarded.body());
        assertNull(deadLetter(marker), "discarded");
        assertEquals(1, OrderDatabase.count("select count(*) from staff_action where subject = ? and actor = 'staff:it-admin'"
                + " and action = 'DEAD_LETTER_DISCARDED'", again.getString("jmsMessageId")));
        assertEquals(404, Api.delete(againPath, admin()).statusCode());
        assertEquals(404, Api.delete("/api/v1/admin/dead-letters/"
                + URLEncoder.encode("ID:x' or '1'='1", StandardCharsets.UTF_8).replace("+", "%20"), admin()).statusCode(),
                "the id is no selector");

        JsonArray recent = Api.json("{\"a\":" + Api.get("/api/v1/admin/staff-actions?limit=10", support()).body() + "}")
                .getJsonArray("a");
        assertTrue(recent.getValuesAs(JsonObject.class).stream().anyMatch(a -> a.getString("subject").equals(id)
                && a.getString("actor").equals("staff:ada.admin")), recent.toString());
    }

    @Test
    void aLegacyCommandsDeadLetterIsNotReplayedUnderExactPaysNameButMayBeDiscarded() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = Broker.legacySystem("erp").createContext()) {
            context.createProducer().setProperty("marker", marker)
                    .send(context.createQueue(Broker.COMMANDS), "{\"type\":\"Nonsense\",\"marker\":\"" + marker + "\"}");
        }
        JsonObject letter = awaitDeadLetter(marker, null);
        assertEquals(Broker.COMMANDS, letter.getString("origin"));
        assertEquals("erp", letter.getString("sender"));
        assertFalse(letter.getBoolean("replayable"));
        String path = "/api/v1/admin/dead-letters/" + URLEncoder.encode(letter.getString("jmsMessageId"), StandardCharsets.UTF_8);

        HttpResponse<String> refused = Api.post(path + "/replay", "", admin());
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("replay-refused"), refused.body());
        assertNotNull(deadLetter(marker), "still there");
        assertEquals(0, actions(letter.getString("jmsMessageId")));

        assertEquals(200, Api.delete(path, admin()).statusCode());
        assertNull(deadLetter(marker));
    }

    @Test
    void aWebhookResentBySupportIsAuditedWithTheirNameAndShownWithTheOrder() throws Exception {
        String client = "sc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> endpoint = Api.post("/api/v1/webhooks/endpoints",
                "{\"url\":\"http://127.0.0.1:9/hooks\",\"eventTypes\":[\"OrderCreated\"]}", Api.portalToken(client));
        assertEquals(201, endpoint.statusCode(), endpoint.body());
        HttpResponse<String> created = Api.post("/api/v1/orders", Api.orderJson(run() + "W", 100), Api.portalToken(client));
        assertEquals(201, created.statusCode(), created.body());
        String orderId = Api.json(created.body()).getString("id");

        JsonObject activity = Api.json(Api.get("/api/v1/admin/orders/" + orderId + "/activity", support()).body());
        List<JsonObject> webhooks = activity.getJsonArray("webhooks").getValuesAs(JsonObject.class);
        assertEquals(1, webhooks.size(), activity.toString());
        assertEquals("OrderCreated", webhooks.get(0).getString("eventType"));
        String deliveryId = webhooks.get(0).getString("deliveryId");

        HttpResponse<String> resent = Api.post("/api/v1/webhooks/deliveries/" + deliveryId + "/resend", "",
                Api.tokens().staff("sam.support", "support", java.time.Duration.ofMinutes(10)));
        assertEquals(202, resent.statusCode(), resent.body());
        JsonObject after = Api.json(Api.get("/api/v1/admin/orders/" + orderId + "/activity", support()).body());
        List<JsonObject> staff = after.getJsonArray("staffActions").getValuesAs(JsonObject.class);
        assertEquals(1, staff.size(), after.toString());
        assertEquals("staff:sam.support", staff.get(0).getString("actor"));
        assertEquals("WEBHOOK_RESENT", staff.get(0).getString("action"));
        assertEquals(deliveryId, staff.get(0).getString("subject"));
        // The audit trail is append-only.
        try (var connection = OrderDatabase.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("delete from staff_action where subject = '" + deliveryId + "'");
            throw new AssertionError("staff_action rows could be deleted");
        } catch (java.sql.SQLException expected) {
            assertTrue(expected.getMessage().contains("append-only"), expected.getMessage());
        }
        Api.delete("/api/v1/webhooks/endpoints/" + Api.json(endpoint.body()).getString("id"), Api.portalToken(client));
    }

    @Test
    void theChartsNumbersComeFromTheBooks() throws Exception {
        Orders.Opened order = Orders.open(run() + "S", 800, null, "WECHAT_PAY", "ALIPAY");
        Orders.Opened open = Orders.open(run() + "O", 300, null, "ALIPAY");
        payBothAtOnce(order);
        Orders.awaitRefund(order.orderId(), "DUPLICATE_PAYMENT", "SUCCEEDED", 30_000);

        JsonObject stats = Api.json(Api.get("/api/v1/admin/statistics?hours=3", support()).body());
        assertEquals(3, stats.getJsonArray("hours").size(), stats.toString());
        JsonObject roles = stats.getJsonObject("capturesByRole");
        String since = stats.getString("from");
        assertEquals(OrderDatabase.count("select count(*) from capture where role = 'DUPLICATE' and captured_at >= ?::timestamptz",
                since), roles.getJsonNumber("DUPLICATE").longValue());
        assertEquals(OrderDatabase.count("select count(*) from capture where role = 'PRIMARY' and captured_at >= ?::timestamptz",
                since), roles.getJsonNumber("PRIMARY").longValue());
        List<JsonObject> hours = stats.getJsonArray("hours").getValuesAs(JsonObject.class);
        assertEquals(roles.getJsonNumber("DUPLICATE").longValue(), hours.stream().mapToLong(h -> h.getJsonNumber("duplicate")
                .longValue()).sum(), "the hours add up to the total");
        JsonObject thisHour = hours.get(hours.size() - 1);
        assertTrue(thisHour.getJsonNumber("duplicate").longValue() >= 1, thisHour.toString());
        assertTrue(thisHour.getJsonNumber("latencyP50Ms").longValue() >= 0, thisHour.toString());
        assertTrue(thisHour.getJsonNumber("latencyP99Ms").longValue() >= thisHour.getJsonNumber("latencyP50Ms").longValue());
        assertTrue(stats.getJsonObject("openAttemptsByChannel").getJsonNumber("ALIPAY").longValue() >= 1,
                "the unpaid trade " + open.trade(0) + " is open: " + stats);
        assertEquals(400, Api.get("/api/v1/admin/statistics?hours=0", support()).statusCode());
        assertEquals(400, Api.get("/api/v1/admin/statistics?hours=169", support()).statusCode());
    }

    private static long actions(String subject) throws Exception {
        return OrderDatabase.count("select count(*) from staff_action where subject = ?", subject);
    }

    private static JsonObject deadLetter(String marker) throws Exception {
        return array(Api.get("/api/v1/admin/dead-letters?limit=1000", support())).stream()
                .filter(d -> d.containsKey("body") && !d.isNull("body") && d.getString("body").contains(marker))
                .findFirst().orElse(null);
    }

    /** The dead letter whose body carries the marker, other than {@code notId}. */
    private static JsonObject awaitDeadLetter(String marker, String notId) throws Exception {
        JsonObject[] found = new JsonObject[1];
        Await.until("a dead letter with " + marker, 30_000, () -> {
            found[0] = deadLetter(marker);
            return found[0] != null && !found[0].getString("jmsMessageId").equals(notId);
        });
        return found[0];
    }
}
