package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.exactpay.it.WebhookReceiver.Answer.FAIL_500;
import static io.exactpay.it.WebhookReceiver.Answer.FAIL_502;
import static io.exactpay.it.WebhookReceiver.Answer.OK;
import static io.exactpay.it.WebhookReceiver.Answer.SLOW_OK;
import static io.exactpay.it.WebhookReceiver.Answer.TIME_OUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merchant webhooks against a real receiver on 127.0.0.1 that checks signatures, fails, times
 * out and answers slowly. In this build retries run in seconds (first after 0.5 s, doubling to
 * 2 s, for 20 s; 2 s read timeout). Each test is its own portal client, so no other suite's
 * orders reach its endpoints.
 */
class WebhooksIT {

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiverAndCheckInvariants() throws Exception {
        receiver.close();
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private record Client(String id, String token) {
        static Client fresh() {
            String id = "wh-" + UUID.randomUUID().toString().substring(0, 8);
            return new Client(id, Api.portalToken(id));
        }
    }

    private record Endpoint(String id, String secret) {
    }

    private static Endpoint register(Client client, String url, String... types) throws Exception {
        HttpResponse<String> response = Api.post("/api/v1/webhooks/endpoints", "{\"url\":\"" + url
                + "\",\"eventTypes\":[\"" + String.join("\",\"", types) + "\"]}", client.token());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject body = Api.json(response.body());
        return new Endpoint(body.getString("id"), body.getString("secret"));
    }

    private static String placeOrder(Client client, String merchantOrderNo, long amount) throws Exception {
        HttpResponse<String> response = Api.post("/api/v1/orders", Api.orderJson(merchantOrderNo, amount), client.token());
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response.body()).getString("id");
    }

    private static String openTrade(Client client, String orderId, String channel) throws Exception {
        HttpResponse<String> response = Api.post("/api/v1/orders/" + orderId + "/payments",
                "{\"channel\":\"" + channel + "\"}", client.token());
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response.body()).getString("outTradeNo");
    }

    private static List<JsonObject> deliveries(Client client, Endpoint endpoint) throws Exception {
        HttpResponse<String> response = Api.get("/api/v1/webhooks/endpoints/" + endpoint.id() + "/deliveries",
                client.token());
        assertEquals(200, response.statusCode(), response.body());
        return Api.json("{\"d\":" + response.body() + "}").getJsonArray("d").getValuesAs(JsonObject.class);
    }

    /** Waits until the endpoint has {@code count} deliveries, all in {@code status}. */
    private static List<JsonObject> awaitDeliveries(Client client, Endpoint endpoint, int count, String status,
                                                    long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<JsonObject> found = deliveries(client, endpoint);
        while (System.currentTimeMillis() < deadline) {
            found = deliveries(client, endpoint);
            if (found.size() == count && found.stream().allMatch(d -> status.equals(d.getString("status")))) return found;
            Thread.sleep(250);
        }
        throw new AssertionError("not " + count + " deliveries " + status + ": " + found);
    }

    private static Map<String, JsonObject> byType(List<JsonObject> deliveries) {
        return deliveries.stream().collect(Collectors.toMap(d -> d.getString("eventType"), d -> d));
    }

    private static JsonObject data(WebhookReceiver.Received request) {
        return Api.json(request.body()).getJsonObject("data");
    }

    @Test
    void aDuplicatePaymentReachesTheReceiverSignedAsOrderPaidDuplicatePaymentRefundingAndRefundSucceeded()
            throws Exception {
        Client client = Client.fresh();
        String path = "/hooks/" + client.id();
        // Each event: two failures, a timeout, then a slow success.
        List<WebhookReceiver.Answer> script = List.of(FAIL_500, FAIL_502, TIME_OUT, SLOW_OK);
        // The route is set again once the secret is known; nothing is sent before an order exists.
        String url = receiver.route(path, List.of(), attempt -> OK);
        Endpoint endpoint = register(client, url, "OrderPaid", "DuplicatePaymentRefunding", "RefundSucceeded");
        receiver.route(path, List.of(endpoint.secret()), attempt -> attempt <= script.size() ? script.get(attempt - 1) : OK);

        String merchantOrderNo = "WH-" + client.id();
        String orderId = placeOrder(client, merchantOrderNo, 2500);
        String wechat = openTrade(client, orderId, "WECHAT_PAY");
        String alipay = openTrade(client, orderId, "ALIPAY");
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> pay("wechatpay", wechat));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> pay("alipay", alipay));
        assertEquals(200, one.get());
        assertEquals(200, two.get());
        Orders.awaitSettled(orderId, "PAID", 60_000);

        List<JsonObject> delivered = awaitDeliveries(client, endpoint, 3, "DELIVERED", 90_000);
        Map<String, JsonObject> deliveries = byType(delivered);
        assertEquals(Set.of("OrderPaid", "DuplicatePaymentRefunding", "RefundSucceeded"), deliveries.keySet());
        for (JsonObject delivery : delivered) {
            var log = delivery.getJsonArray("attemptLog").getValuesAs(JsonObject.class);
            assertEquals(4, delivery.getInt("attempts"), delivery.toString());
            assertEquals(4, log.size(), delivery.toString());
            assertEquals(500, log.get(0).getInt("statusCode"));
            assertEquals("database is down", log.get(0).getString("responseExcerpt"));
            assertEquals(502, log.get(1).getInt("statusCode"));
            assertFalse(log.get(2).containsKey("statusCode"), "no answer within the read timeout: " + log.get(2));
            assertTrue(log.get(2).getString("error").startsWith("timeout"), log.get(2).toString());
            assertEquals(200, log.get(3).getInt("statusCode"));
            assertTrue(log.get(3).getJsonNumber("latencyMs").longValue() >= 1_000, "the slow answer's latency: " + log.get(3));
        }

        // What the receiver saw: every request signed with the endpoint's secret; the webhook-id
        // is the event's id, the same on every attempt, so the receiver keeps one of each.
        List<WebhookReceiver.Received> requests = receiver.received(path);
        assertTrue(requests.stream().allMatch(WebhookReceiver.Received::verified), "every signature verified");
        Map<String, List<WebhookReceiver.Received>> byId = requests.stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::id));
        assertEquals(3, byId.size(), "three events, each kept once by its webhook-id");
        for (var attempts : byId.values()) {
            assertEquals(4, attempts.size(), "every attempt reached the receiver");
            for (var request : attempts) {
                assertEquals(request.id(), data(request).getString("eventId"));
                assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp())) < 300);
            }
        }
        Map<String, JsonObject> events = byId.values().stream().map(a -> a.get(0))
                .collect(Collectors.toMap(r -> Api.json(r.body()).getString("type"), WebhooksIT::data));
        JsonObject duplicate = events.get("DuplicatePaymentRefunding");
        assertEquals(orderId, duplicate.getString("orderId"));
        assertEquals(merchantOrderNo, duplicate.getString("merchantOrderNo"));
        assertEquals(2500, duplicate.getInt("amount"));
        assertEquals("25.00", duplicate.getString("amountText"));
        assertEquals("CNY", duplicate.getString("currency"));
        String channel = duplicate.getString("channel").equals("WECHAT_PAY") ? "WeChat Pay" : "Alipay";
        assertEquals("You paid twice; 25.00 CNY goes back to your " + channel + " within 1-3 days.",
                duplicate.getString("payerMessage"));
        assertEquals(duplicate.getString("outRefundNo"), events.get("RefundSucceeded").getString("outRefundNo"));
        assertEquals("SUCCEEDED", events.get("RefundSucceeded").getString("refundStatus"));
        assertEquals("We received your payment of 25.00 CNY by "
                        + (channel.equals("Alipay") ? "WeChat Pay" : "Alipay") + " for order " + merchantOrderNo + ".",
                events.get("OrderPaid").getString("payerMessage"));
    }

    @Test
    void aReceiverThatAlwaysFailsEndsDeadWithEveryAttemptRecordedAndSupportsResendIsDelivered() throws Exception {
        Client client = Client.fresh();
        String path = "/hooks/" + client.id();
        AtomicBoolean fixed = new AtomicBoolean();
        String url = receiver.route(path, List.of(), attempt -> OK);
        Endpoint endpoint = register(client, url, "OrderCreated");
        receiver.route(path, List.of(endpoint.secret()), attempt -> fixed.get() ? OK : FAIL_500);
        double countedBefore = Metrics.total(Metrics.scrape(), "exactpay_webhook_deliveries_total");

        placeOrder(client, "WH-" + client.id(), 1200);
        JsonObject dead = awaitDeliveries(client, endpoint, 1, "DEAD", 90_000).get(0);
        int attempts = dead.getInt("attempts");
        assertTrue(attempts >= 5, "retried within the window: " + dead);
        assertEquals(attempts, dead.getJsonArray("attemptLog").size(), "every attempt recorded");
        assertTrue(dead.getJsonArray("attemptLog").getValuesAs(JsonObject.class).stream()
                .allMatch(a -> a.getInt("statusCode") == 500), dead.toString());
        String webhookId = dead.getString("eventId");
        assertEquals(attempts, receiver.received(path).stream().filter(r -> r.id().equals(webhookId)).count(),
                "each attempt the receiver saw is recorded, and only those");
        String metrics = Metrics.scrape();
        assertTrue(Metrics.total(metrics, "exactpay_webhook_deliveries_total") >= countedBefore + attempts, metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("exactpay_webhook_deliveries_total{")
                && l.contains("outcome=\"dead\"")), "the dead outcome is counted");
        long deadline = System.currentTimeMillis() + 10_000;
        while (Metrics.total(Metrics.scrape(), "exactpay_webhooks_dead") < 1
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(Metrics.total(Metrics.scrape(), "exactpay_webhooks_dead") >= 1, "the DEAD gauge");

        // A portal may not resend; support may, once the receiver is fixed: same webhook-id.
        String resend = "/api/v1/webhooks/deliveries/" + dead.getString("id") + "/resend";
        assertEquals(403, Api.post(resend, "", client.token()).statusCode());
        fixed.set(true);
        HttpResponse<String> resent = Api.post(resend, "", Api.staffToken(DevelopmentTokens.SUPPORT));
        assertEquals(202, resent.statusCode(), resent.body());
        JsonObject delivered = awaitDeliveries(client, endpoint, 1, "DELIVERED", 30_000).get(0);
        assertEquals(attempts + 1, delivered.getInt("attempts"));
        WebhookReceiver.Received last = receiver.received(path).get(receiver.received(path).size() - 1);
        assertEquals(webhookId, last.id());
        assertTrue(last.verified());

        // Support sees any client's endpoints and deliveries.
        HttpResponse<String> listed = Api.get("/api/v1/webhooks/endpoints?clientId=" + client.id(),
                Api.staffToken(DevelopmentTokens.SUPPORT));
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(endpoint.id()), listed.body());
        assertEquals(200, Api.get("/api/v1/webhooks/deliveries/" + dead.getString("id"),
                Api.staffToken(DevelopmentTokens.SUPPORT)).statusCode());
    }

    @Test
    void duringARotationBothSecretsSignSoAReceiverStillOnTheOldSecretVerifiesAndAWrongSecretDoesNot()
            throws Exception {
        Client client = Client.fresh();
        String path = "/hooks/" + client.id();
        String url = receiver.route(path, List.of(), attempt -> OK);
        Endpoint endpoint = register(client, url, "OrderCreated");
        // The receiver has not switched yet: it knows only the old secret.
        receiver.route(path, List.of(endpoint.secret()), attempt -> OK);

        HttpResponse<String> rotated = Api.post("/api/v1/webhooks/endpoints/" + endpoint.id() + "/rotate", "",
                client.token());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String next = Api.json(rotated.body()).getString("secret");
        assertTrue(next.startsWith("whsec_") && !next.equals(endpoint.secret()));
        assertTrue(Instant.parse(Api.json(rotated.body()).getString("previousSecretExpiresAt"))
                .isAfter(Instant.now().plusSeconds(3_600)), rotated.body());
        // Another client cannot touch it; no listing shows a secret.
        assertEquals(404, Api.post("/api/v1/webhooks/endpoints/" + endpoint.id() + "/rotate", "",
                Client.fresh().token()).statusCode());
        String listed = Api.get("/api/v1/webhooks/endpoints", client.token()).body();
        assertTrue(listed.contains(endpoint.id()) && !listed.contains("whsec_"), listed);

        placeOrder(client, "WH-" + client.id(), 990);
        awaitDeliveries(client, endpoint, 1, "DELIVERED", 30_000);
        WebhookReceiver.Received request = receiver.received(path).get(0);
        assertEquals(2, request.signature().split(" ").length, request.signature());
        assertTrue(WebhookReceiver.verify(endpoint.secret(), request.id(), request.timestamp(), request.body(),
                request.signature()), "the old secret verifies during the overlap");
        assertTrue(WebhookReceiver.verify(next, request.id(), request.timestamp(), request.body(),
                request.signature()), "the new secret verifies");
        String wrong = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertFalse(WebhookReceiver.verify(wrong, request.id(), request.timestamp(), request.body(),
                request.signature()), "another secret does not");
        assertFalse(WebhookReceiver.verify(next, request.id(), request.timestamp(), request.body() + " ",
                request.signature()), "an altered body does not");

        // Disabled: later events are not recorded for it.
        HttpResponse<String> disabled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        Api.uri("/api/v1/webhooks/endpoints/" + endpoint.id()))
                .header("Authorization", "Bearer " + client.token()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(Api.json(disabled.body()).containsKey("disabledAt"), disabled.body());
        placeOrder(client, "WH-" + client.id() + "-2", 991);
        assertEquals(1, deliveries(client, endpoint).size(), "no delivery for a disabled endpoint");
    }

    @Test
    void registrationRefusesCredentialsInTheUrlOtherSchemesAndUnknownEventsAndStoresNothing() throws Exception {
        Client client = Client.fresh();
        for (String body : List.of(
                "{\"url\":\"https://shop:secret@hooks.example/x\",\"eventTypes\":[\"OrderPaid\"]}",
                "{\"url\":\"ftp://hooks.example/x\",\"eventTypes\":[\"OrderPaid\"]}",
                "{\"url\":\"https://hooks.example/x\",\"eventTypes\":[\"OrderShipped\"]}",
                "{\"url\":\"https://hooks.example/x\",\"eventTypes\":[]}")) {
            HttpResponse<String> response = Api.post("/api/v1/webhooks/endpoints", body, client.token());
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("https://exactpay.io/problems/validation", Api.json(response.body()).getString("type"));
        }
        assertEquals(0, OrderDatabase.count("select count(*) from webhook_endpoint where client_id = ?", client.id()));
        assertEquals(403, Api.post("/api/v1/webhooks/endpoints", "{\"url\":\"https://hooks.example/x\","
                + "\"eventTypes\":[\"OrderPaid\"]}", Api.staffToken(DevelopmentTokens.SUPPORT)).statusCode(),
                "support registers nothing for a client");
        assertEquals(404, Api.get("/api/v1/webhooks/deliveries/" + UUID.randomUUID(), client.token()).statusCode());
    }

    /**
     * The outbox row is written in the transaction that settles the payment: when writing it
     * fails, the capture and the JMS event roll back with it, and the redelivered settlement
     * writes all three once.
     */
    @Test
    void theOutboxRowCommitsOrRollsBackWithTheSettlementAndItsEvent() throws Exception {
        Client client = Client.fresh();
        String path = "/hooks/" + client.id();
        String url = receiver.route(path, List.of(), attempt -> OK);
        Endpoint endpoint = register(client, url, "OrderPaid");
        receiver.route(path, List.of(endpoint.secret()), attempt -> OK);
        String orderId = placeOrder(client, "WH-" + client.id(), 3300);
        String trade = openTrade(client, orderId, "ALIPAY");
        String sequence = "wh_fail_" + client.id().replace('-', '_');
        try (Connection c = OrderDatabase.connect(); Statement s = c.createStatement()) {
            // The first outbox write for this order fails; nextval is not rolled back, so it counts tries.
            s.execute("create sequence " + sequence);
            s.execute("create function " + sequence + "() returns trigger language plpgsql as $$ begin"
                    + " if new.order_id = '" + orderId + "' then if nextval('" + sequence + "') = 1 then"
                    + " raise exception 'outbox write refused by the test'; end if; end if; return new; end $$");
            s.execute("create trigger " + sequence + " before insert on webhook_delivery for each row execute function "
                    + sequence + "()");
        }
        try {
            assertEquals(200, Sandbox.pay("alipay", trade));
            Orders.awaitSettled(orderId, "PAID", 60_000);
            awaitDeliveries(client, endpoint, 1, "DELIVERED", 30_000);
            assertEquals(2, OrderDatabase.count("select last_value from " + sequence),
                    "the first settlement failed at the outbox write, the second wrote it");
        } finally {
            try (Connection c = OrderDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("drop trigger " + sequence + " on webhook_delivery");
                s.execute("drop function " + sequence + "()");
                s.execute("drop sequence " + sequence);
            }
        }
        assertEquals(1, Orders.captures(orderId, "PRIMARY"), "the failed settlement's capture rolled back");
        assertEquals(3300, Orders.ledger(orderId));
        assertEquals(1, Broker.receiveAll(Broker.EVENTS, "orderId = '" + orderId + "' AND type = 'OrderPaid'", 1_500)
                .size(), "the failed settlement's JMS event rolled back with it");
        assertEquals(1, OrderDatabase.count("select count(*) from webhook_delivery where order_id = ?::uuid", orderId));
        assertEquals(1, receiver.received(path).size());
    }

    private static int pay(String channel, String outTradeNo) {
        try {
            return Sandbox.pay(channel, outTradeNo);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
