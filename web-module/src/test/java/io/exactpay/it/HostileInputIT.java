package io.exactpay.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.exactpay.server.DevelopmentTokens;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input catalog (README, "Security"): each case is input that a user or an attacker
 * can send, answered with a clear error (problem+json, a CommandError, the channel's failure body
 * or a dead letter with its reason) and nothing stored.
 */
class HostileInputIT {

    private static final String ORDERS = "/api/v1/orders";

    @Test
    void anOrderInACurrencyTheChannelsDoNotSettleIsRefused() throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();

        HttpResponse<String> response = Api.post(ORDERS, order(no, 1999, "USD"));

        assertProblem(400, "validation", response);
        assertTrue(Api.json(response.body()).getString("detail").contains("CNY"), response.body());
        assertNoOrder(no);
    }

    @Test
    void anOrderAboveTheAmountCeilingIsRefused() throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();

        assertProblem(400, "validation", Api.post(ORDERS, order(no, 5_000_001, "CNY")));
        assertProblem(400, "validation", Api.post(ORDERS, order(no, Long.MAX_VALUE, "CNY")));
        assertNoOrder(no);
        assertEquals(201, Api.post(ORDERS, order(no, 5_000_000, "CNY")).statusCode(), "the ceiling itself is allowed");
    }

    @Test
    void aLegacyOrderInAnotherCurrencyOrAboveTheCeilingIsAnsweredAndNotPlaced() throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();
        String usd = Json.createObjectBuilder().add("type", "CreateOrder").add("schemaVersion", 1)
                .add("messageId", UUID.randomUUID().toString()).add("merchantOrderNo", no).add("amount", 1999)
                .add("currency", "EUR").add("subject", "Hostile").build().toString();

        JsonObject currency = Commands.reply(Commands.SENDER, Commands.send(usd));
        JsonObject ceiling = Commands.reply(Commands.SENDER,
                Commands.send(Commands.createOrder(UUID.randomUUID().toString(), no, 5_000_001)));

        for (JsonObject reply : new JsonObject[] {currency, ceiling}) {
            assertEquals("CommandError", reply.getString("type"), reply.toString());
            assertEquals("validation", reply.getString("error"), reply.toString());
        }
        assertNoOrder(no);
    }

    @Test
    void aRemarkOnAnotherSystemsOrderIsDeadLetteredAsAnUnknownOrderAndChangesNothing() throws Exception {
        String orderId = Api.placeOrder("HOSTILE-" + UUID.randomUUID(), 300); // the portal's order, not erp's

        String correlationId = Commands.send(Commands.addRemark(UUID.randomUUID().toString(), orderId, "mine now"));

        Message dead = Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(dead, "dead-lettered");
        assertTrue(dead.getStringProperty("deadLetterReason").contains(orderId + " does not exist"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals(0, OrderDatabase.count("select count(*) from order_remark where order_id = ?::uuid", orderId));
        assertEquals(0, OrderDatabase.count("select count(*) from order_audit where order_id = ?::uuid"
                + " and action = 'REMARK_ADDED'", orderId));
    }

    @Test
    void aRemarksActorInTheTimelineIsTheSendingSystemNotTheAuthorItNames() throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();
        JsonObject placed = Commands.reply(Commands.SENDER,
                Commands.send(Commands.createOrder(UUID.randomUUID().toString(), no, 300)));
        String orderId = placed.getString("orderId");
        String remark = Json.createObjectBuilder().add("type", "AddOrderRemark").add("schemaVersion", 1)
                .add("messageId", UUID.randomUUID().toString()).add("orderId", orderId).add("author", "staff:alice")
                .add("text", "refund approved by support").build().toString();

        JsonObject added = Commands.reply(Commands.SENDER, Commands.send(remark));

        assertEquals("RemarkAdded", added.getString("type"), added.toString());
        HttpResponse<String> timeline = Api.get("/api/v1/orders/" + orderId + "/timeline",
                Api.staffToken(DevelopmentTokens.SUPPORT));
        JsonObject entry = Api.json("{\"t\":" + timeline.body() + "}").getJsonArray("t").stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getString("action").equals("REMARK_ADDED"))
                .findFirst().orElseThrow();
        assertEquals("jms:" + Commands.SENDER, entry.getString("actor"), timeline.body());
    }

    @Test
    void aPortalsTimelineNamesNoSupportPerson() throws Exception {
        String orderId = Api.placeOrder("HOSTILE-" + UUID.randomUUID(), 300);
        HttpResponse<String> cancelled = Api.post("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"SUPPORT\"}",
                Api.staffToken(DevelopmentTokens.SUPPORT));
        assertEquals(200, cancelled.statusCode(), cancelled.body());

        String portalView = Api.get("/api/v1/orders/" + orderId + "/timeline").body();
        String staffView = Api.get("/api/v1/orders/" + orderId + "/timeline", Api.staffToken(DevelopmentTokens.SUPPORT))
                .body();

        assertTrue(staffView.contains("\"staff:it-support\""), staffView);
        assertTrue(portalView.contains("\"actor\":\"staff\""), portalView);
        assertFalse(portalView.contains("it-support"), portalView);
    }

    @Test
    void aCancelReusingTheMessageIdOfTheOrdersCreateOrderIsRefusedNotTakenForAReplay() throws Exception {
        String messageId = UUID.randomUUID().toString();
        JsonObject placed = Commands.reply(Commands.SENDER,
                Commands.send(Commands.createOrder(messageId, "HOSTILE-" + UUID.randomUUID(), 300)));
        String orderId = placed.getString("orderId");

        JsonObject answer = Commands.reply(Commands.SENDER,
                Commands.send(Commands.cancelOrder(messageId, orderId, "PAYER_REQUEST")));

        assertEquals("CommandError", answer.getString("type"), answer.toString());
        assertEquals("message-id-reused", answer.getString("error"), answer.toString());
        assertEquals(orderId, answer.getString("orderId"));
        assertEquals("PENDING", Api.json(Api.get("/api/v1/orders/" + orderId, Api.staffToken(DevelopmentTokens.SUPPORT))
                .body()).getString("status"), "not cancelled");
    }

    /**
     * A remark reusing the messageId of its order's CreateOrder, or of a remark on another order, is
     * neither a replay nor a new command: CommandError message-id-reused, and no remark is added.
     */
    @Test
    void aRemarkReusingAnotherCommandsMessageIdIsRefusedNotTakenForAReplay() throws Exception {
        String messageId = UUID.randomUUID().toString();
        JsonObject placed = Commands.reply(Commands.SENDER,
                Commands.send(Commands.createOrder(messageId, "HOSTILE-" + UUID.randomUUID(), 300)));
        String orderId = placed.getString("orderId");
        String otherOrderId = Commands.reply(Commands.SENDER, Commands.send(Commands.createOrder(
                UUID.randomUUID().toString(), "HOSTILE-" + UUID.randomUUID(), 300))).getString("orderId");
        String remarkId = UUID.randomUUID().toString();
        assertEquals("RemarkAdded", Commands.reply(Commands.SENDER,
                Commands.send(Commands.addRemark(remarkId, otherOrderId, "first"))).getString("type"));

        JsonObject reusedCreate = Commands.reply(Commands.SENDER,
                Commands.send(Commands.addRemark(messageId, orderId, "sneaked in")));
        JsonObject reusedRemark = Commands.reply(Commands.SENDER,
                Commands.send(Commands.addRemark(remarkId, orderId, "sneaked in too")));

        for (JsonObject answer : new JsonObject[] {reusedCreate, reusedRemark}) {
            assertEquals("CommandError", answer.getString("type"), answer.toString());
            assertEquals("message-id-reused", answer.getString("error"), answer.toString());
        }
        assertEquals(orderId, reusedCreate.getString("orderId"));
        assertEquals(otherOrderId, reusedRemark.getString("orderId"));
        assertEquals(0, OrderDatabase.count("select count(*) from order_remark where order_id = ?::uuid", orderId));
        assertEquals(1, OrderDatabase.count("select count(*) from order_remark where order_id = ?::uuid", otherOrderId));
    }

    @Test
    void anApiBodyAboveTheLimitIsRefusedUnreadWith413() throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();
        String huge = Json.createObjectBuilder().add("merchantOrderNo", no).add("amount", 100).add("currency", "CNY")
                .add("subject", "x".repeat(70_000)).build().toString();

        assertProblem(413, "payload-too-large", Api.post(ORDERS, huge));
        assertNoOrder(no);
    }

    @Test
    void aCallbackBodyAboveTheLimitGetsTheChannelsFailureBodyWith413() throws Exception {
        HttpResponse<String> wechat = Api.post("/api/v1/callbacks/wechatpay", "{\"pad\":\"" + "x".repeat(70_000) + "\"}",
                null);
        HttpResponse<String> alipay = Api.post("/api/v1/callbacks/alipay", "notify_id=" + "x".repeat(70_000), null);

        assertEquals(413, wechat.statusCode());
        assertEquals("FAIL", Api.json(wechat.body()).getString("code"), wechat.body());
        assertEquals(413, alipay.statusCode());
        assertEquals("failure", alipay.body());
    }

    @Test
    void anUnsignedTokenIsUnauthorized() throws Exception {
        String claims = Api.tokens().claims("none-portal", List.of(DevelopmentTokens.PORTAL), Instant.now(),
                Duration.ofMinutes(10)).claim(DevelopmentTokens.CLIENT_ID_CLAIM, Api.CLIENT).build().toString();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(claims) + ".";

        assertProblem(401, "unauthorized", Api.get(ORDERS + "/" + UUID.randomUUID(), unsigned));
    }

    @Test
    void aTokenSignedWithHs256UnderThePublicKeyIsUnauthorized() throws Exception {
        // The classic key confusion: the public key, which anyone may have, used as an HMAC secret.
        JWTClaimsSet claims = Api.tokens().claims("hmac-portal", List.of(DevelopmentTokens.PORTAL), Instant.now(),
                Duration.ofMinutes(10)).claim(DevelopmentTokens.CLIENT_ID_CLAIM, Api.CLIENT).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(Files.readAllBytes(DevelopmentTokens.publicKeyFile(ExactPayStack.get().settings()
                .dataDir()))));

        String no = "HOSTILE-" + UUID.randomUUID();
        assertProblem(401, "unauthorized", Api.post(ORDERS, order(no, 100, "CNY"), jwt.serialize()));
        assertNoOrder(no);
    }

    @Test
    void aCommandTextAboveTheLimitIsDeadLetteredWithItsReason() throws Exception {
        String huge = Commands.addRemark(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "x".repeat(20_000));

        String correlationId = Commands.send(huge);

        Message dead = Broker.receive(Broker.DEAD_LETTERS, "JMSCorrelationID = '" + correlationId + "'", 20_000);
        assertNotNull(dead, "dead-lettered");
        assertTrue(dead.getStringProperty("deadLetterReason").contains("longer than"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals(1, dead.getIntProperty("deadLetterDeliveryAttempts"), "not retried");
    }

    @Test
    void aCallbackFieldCarryingALineBreakCannotForgeALogLine() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        long mark = ConsoleLog.mark();
        // sign_type is quoted in the rejection's log line; this one carries a whole fake log entry.
        String body = "app_id=2021000000000001&out_trade_no=x&sign=AAAA&sign_type=RSA2%0A%5B2026-12-01T00%3A00%3A00%5D+"
                + marker + "+ALIPAY+callback+accepted";

        HttpResponse<String> answer = Api.post("/api/v1/callbacks/alipay", body, null);

        assertEquals("failure", answer.body());
        List<String> lines = List.of();
        for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains(marker)); i++) {
            Thread.sleep(100);
            lines = ConsoleLog.since(mark);
        }
        List<String> mentioning = lines.stream().filter(l -> l.contains(marker)).toList();
        assertEquals(1, mentioning.size(), mentioning.toString());
        assertTrue(mentioning.get(0).contains("sign_type RSA2\\n[2026-12-01T00:00:00] " + marker), mentioning.get(0));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Bodies of the wrong shape: a wrong JSON type for a field, numbers no order can have, JSON
     * nested far deeper than an order, control characters in the order's texts (PostgreSQL cannot
     * store a NUL; a line break would forge log lines). Each is 400 validation as problem+json,
     * quickly, and no order is stored.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "amount a string          |{\"merchantOrderNo\":\"NO\",\"amount\":\"100\",\"currency\":\"CNY\",\"subject\":\"s\"}",
        "amount an object         |{\"merchantOrderNo\":\"NO\",\"amount\":{\"fen\":100},\"currency\":\"CNY\",\"subject\":\"s\"}",
        "amount an array          |{\"merchantOrderNo\":\"NO\",\"amount\":[100],\"currency\":\"CNY\",\"subject\":\"s\"}",
        "amount astronomical      |{\"merchantOrderNo\":\"NO\",\"amount\":1e1000000000,\"currency\":\"CNY\",\"subject\":\"s\"}",
        "amount infinitesimal     |{\"merchantOrderNo\":\"NO\",\"amount\":1e-1000000000,\"currency\":\"CNY\",\"subject\":\"s\"}",
        "currency a number        |{\"merchantOrderNo\":\"NO\",\"amount\":100,\"currency\":156,\"subject\":\"s\"}",
        "time to pay a fraction   |{\"merchantOrderNo\":\"NO\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"s\",\"timeToPaySeconds\":1.5}",
        "body a JSON array        |[{\"merchantOrderNo\":\"NO\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"s\"}]",
        "body a JSON string       |\"NO\"",
        "order number with a NUL  |{\"merchantOrderNo\":\"NO\\u0000\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"s\"}",
        "order number with a line break|{\"merchantOrderNo\":\"NO\\nINFO forged\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"s\"}",
        "subject with a NUL       |{\"merchantOrderNo\":\"NO\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"s\\u0000\"}",
    })
    void aBodyOfTheWrongShapeIsRefused400AndNothingIsStored(String name, String template) throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();
        long started = System.nanoTime();

        HttpResponse<String> response = Api.post(ORDERS, template.replace("NO", no));

        assertProblem(400, "validation", response);
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "answered within seconds");
        assertEquals(0, OrderDatabase.count("select count(*) from orders where merchant_order_no like ?", no + "%"));
    }

    /**
     * The other request bodies are read as strictly as the order's: a payment start, a cancel and
     * a webhook registration whose body is not exactly one JSON object with fields of the right
     * JSON types are 400 validation and change nothing. JSON-B's default binding took an array's
     * first element for the object, the last of two same-named fields, and ignored text after it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "payment: body a JSON array       |payments|[{\"channel\":\"WECHAT_PAY\"}]",
        "payment: channel named twice     |payments|{\"channel\":\"ALIPAY\",\"channel\":\"WECHAT_PAY\"}",
        "payment: text after the object   |payments|{\"channel\":\"WECHAT_PAY\"} {\"channel\":\"ALIPAY\"}",
        "payment: channel an array        |payments|{\"channel\":[\"WECHAT_PAY\"]}",
        "cancel: body a JSON array        |cancel  |[{\"reason\":\"PAYER_REQUEST\"}]",
        "cancel: reason named twice       |cancel  |{\"reason\":\"PAYER_REQUEST\",\"reason\":\"MERCHANT_REQUEST\"}",
        "cancel: text after the object    |cancel  |{\"reason\":\"PAYER_REQUEST\"}]",
        "webhook: event types a string    |webhooks|{\"url\":\"URL\",\"eventTypes\":\"OrderPaid\"}",
        "webhook: an event type a number  |webhooks|{\"url\":\"URL\",\"eventTypes\":[1]}",
        "webhook: body a JSON array       |webhooks|[{\"url\":\"URL\",\"eventTypes\":[\"OrderPaid\"]}]",
    })
    void anotherBodyOfTheWrongShapeIsRefused400AndChangesNothing(String name, String endpoint, String body)
            throws Exception {
        Orders.Opened order = Orders.open("HOSTILE-" + UUID.randomUUID(), 100, null);
        String url = "http://127.0.0.1:9/hostile-" + UUID.randomUUID();

        HttpResponse<String> response = switch (endpoint) {
            case "payments" -> Api.post("/api/v1/orders/" + order.orderId() + "/payments", body);
            case "cancel" -> Api.post("/api/v1/orders/" + order.orderId() + "/cancel", body);
            default -> Api.post("/api/v1/webhooks/endpoints", body.replace("URL", url));
        };

        assertProblem(400, "validation", response);
        assertEquals("PENDING", Orders.status(order.orderId()));
        assertEquals(0, OrderDatabase.count("select count(*) from payment_attempt where order_id = ?::uuid",
                order.orderId()), "no payment started");
        assertEquals(0, OrderDatabase.count("select count(*) from webhook_endpoint where url = ?", url),
                "no webhook endpoint registered");
    }

    @Test
    void jsonNestedFarDeeperThanAnOrderIsRefused400() throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();
        String nested = "{\"merchantOrderNo\":\"" + no + "\",\"amount\":100,\"currency\":\"CNY\",\"subject\":"
                + "[".repeat(30_000) + "]".repeat(30_000) + "}";

        assertProblem(400, "validation", Api.post(ORDERS, nested));
        assertNoOrder(no);
    }

    /** An Idempotency-Key must be 1 to 255 visible ASCII characters: empty, too long or with a space is 400. */
    @ParameterizedTest(name = "key {0}")
    @CsvSource({"empty, ''", "256 characters, LONG", "with a space, 'key with space'"})
    void anIdempotencyKeyThatIsNoKeyIsRefused400AndNothingIsStored(String name, String key) throws Exception {
        String no = "HOSTILE-" + UUID.randomUUID();

        HttpResponse<String> response = Api.post(ORDERS, order(no, 300, "CNY"), Api.portalToken(Api.CLIENT),
                "Idempotency-Key", key.equals("LONG") ? "k".repeat(256) : key);

        assertProblem(400, "validation", response);
        assertTrue(Api.json(response.body()).getString("detail").contains("Idempotency-Key"), response.body());
        assertNoOrder(no);
    }

    static String order(String merchantOrderNo, long amount, String currency) {
        return Json.createObjectBuilder().add("merchantOrderNo", merchantOrderNo).add("amount", amount)
                .add("currency", currency).add("subject", "Hostile").build().toString();
    }

    static void assertNoOrder(String merchantOrderNo) throws Exception {
        assertEquals(0, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", merchantOrderNo),
                merchantOrderNo + " was stored");
    }

    static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = Api.json(response.body());
        assertTrue(problem.getString("type").endsWith("/" + type), problem.toString());
    }
}
