package io.exactpay.it;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal API for orders, checked over HTTP, in the database and on the events address. */
class OrderApiIT {

    private static String body(String merchantOrderNo, long amount) {
        return "{\"merchantOrderNo\":\"" + merchantOrderNo + "\",\"amount\":" + amount
                + ",\"currency\":\"CNY\",\"subject\":\"Green tea\"}";
    }

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    @Test
    void createdOrderIsStoredAndAnnouncedTogether() throws Exception {
        String no = "API-" + UUID.randomUUID();
        HttpResponse<String> created = Api.post("/api/v1/orders", body(no, 1999));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject order = Api.json(created.body());
        String id = order.getString("id");
        assertEquals("PENDING", order.getString("status"));
        assertEquals(1999, order.getJsonNumber("amount").longValueExact());
        assertEquals("CNY", order.getString("currency"));
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/orders/" + id));

        assertEquals(1, OrderDatabase.count("select count(*) from orders where id = ?::uuid and merchant_order_no = ?"
                + " and amount_minor = 1999 and status = 'PENDING'", id, no));
        Message event = Broker.receive(Broker.EVENTS, "orderId = '" + id + "'", 10_000);
        assertNotNull(event, "OrderCreated event");
        JsonObject payload = Api.json(((TextMessage) event).getText());
        assertEquals("OrderCreated", payload.getString("type"));
        assertEquals(1, payload.getInt("schemaVersion"));
        assertEquals(no, payload.getString("merchantOrderNo"));
        assertEquals(1999, payload.getJsonNumber("amount").longValueExact());

        HttpResponse<String> read = Api.get("/api/v1/orders/" + id);
        assertEquals(200, read.statusCode());
        JsonObject stored = Api.json(read.body());
        for (String field : order.keySet()) assertEquals(order.get(field), stored.get(field), field);
        assertEquals(0, stored.getJsonArray("attempts").size(), "a new order has no payment attempt yet");
    }

    @Test
    void secondOrderWithTheSameMerchantOrderNumberIsAConflictAndAnnouncesNothing() throws Exception {
        String no = "DUP-" + UUID.randomUUID();
        String id = Api.json(Api.post("/api/v1/orders", body(no, 500)).body()).getString("id");

        HttpResponse<String> again = Api.post("/api/v1/orders", body(no, 700));

        assertEquals(409, again.statusCode());
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = Api.json(again.body());
        assertTrue(problem.getString("type").endsWith("/order-exists"), problem.toString());
        assertEquals(id, problem.getString("orderId"));
        assertEquals(1, OrderDatabase.count("select count(*) from orders where merchant_order_no = ?", no));
        assertNotNull(Broker.receive(Broker.EVENTS, "orderId = '" + id + "'", 10_000));
        assertNull(Broker.receive(Broker.EVENTS, "orderId = '" + id + "'", 1_000), "only one OrderCreated");
    }

    @Test
    void invalidOrdersAreRejectedWithProblemDetails() throws Exception {
        HttpResponse<String> invalid = Api.post("/api/v1/orders",
                "{\"merchantOrderNo\":\"\",\"amount\":-5,\"currency\":\"cny\",\"subject\":\"x\"}");
        assertEquals(400, invalid.statusCode());
        JsonObject problem = Api.json(invalid.body());
        assertTrue(problem.getString("type").endsWith("/validation"));
        assertTrue(problem.getString("detail").contains("merchantOrderNo is required"), problem.toString());
        assertTrue(problem.getString("detail").contains("amount must be a positive integer"), problem.toString());
        assertTrue(problem.getString("detail").contains("currency"), problem.toString());

        HttpResponse<String> malformed = Api.post("/api/v1/orders", "{not json");
        assertEquals(400, malformed.statusCode());
        assertTrue(Api.json(malformed.body()).getString("type").endsWith("/validation"));

        HttpResponse<String> fractional = Api.post("/api/v1/orders",
                "{\"merchantOrderNo\":\"F-1\",\"amount\":12.5,\"currency\":\"CNY\",\"subject\":\"x\"}");
        assertEquals(400, fractional.statusCode(), "amounts are whole minor units: " + fractional.body());
        assertEquals(0, OrderDatabase.count("select count(*) from orders where merchant_order_no = 'F-1'"));
    }

    @Test
    void unknownOrderIsNotFound() throws Exception {
        HttpResponse<String> response = Api.get("/api/v1/orders/" + UUID.randomUUID());
        assertEquals(404, response.statusCode());
        assertTrue(Api.json(response.body()).getString("type").endsWith("/order-not-found"));
    }
}
