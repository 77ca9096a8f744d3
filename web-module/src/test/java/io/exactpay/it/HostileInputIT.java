package io.exactpay.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
