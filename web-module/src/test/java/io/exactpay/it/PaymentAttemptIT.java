package io.exactpay.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starting a payment opens a trade at the channel through its official SDK (here the channel
 * sandbox, with real signatures), inside Payara: the payer gets what to scan and can pay it.
 */
class PaymentAttemptIT {

    @AfterAll
    static void noInDoubtTransactions() throws Exception {
        Invariants.assertNoInDoubtTransactions();
    }

    @Test
    void anOrderCanBeOpenedOnBothChannelsAndPaidAtTheChannel() throws Exception {
        String orderId = Api.placeOrder("P-" + UUID.randomUUID(), 2999);

        HttpResponse<String> wechat = Api.post("/api/v1/orders/" + orderId + "/payments", "{\"channel\":\"WECHAT_PAY\"}");
        HttpResponse<String> alipay = Api.post("/api/v1/orders/" + orderId + "/payments", "{\"channel\":\"ALIPAY\"}");

        assertEquals(201, wechat.statusCode(), wechat.body());
        assertEquals(201, alipay.statusCode(), alipay.body());
        JsonObject w = Api.json(wechat.body());
        JsonObject a = Api.json(alipay.body());
        assertEquals("OPEN", w.getString("status"));
        assertEquals(2999, w.getJsonNumber("amountMinor").longValueExact());
        assertTrue(w.getString("qrCode").startsWith("weixin://"), w.toString());
        assertEquals("OPEN", a.getString("status"));
        assertTrue(a.getString("qrCode").startsWith("https://"), a.toString());
        assertNotEquals(w.getString("outTradeNo"), a.getString("outTradeNo"));
        assertEquals(2, OrderDatabase.count("select count(*) from payment_attempt where order_id = ?::uuid"
                + " and status = 'OPEN' and amount_minor = 2999", orderId));

        assertEquals(200, Sandbox.pay("wechatpay", w.getString("outTradeNo")));

        HttpResponse<String> listed = Api.get("/api/v1/orders/" + orderId + "/payments");
        assertEquals(200, listed.statusCode());
        assertEquals(2, Api.json("{\"a\":" + listed.body() + "}").getJsonArray("a").size());
    }

    @Test
    void unknownChannelsAndUnknownOrdersAreRefused() throws Exception {
        String orderId = Api.placeOrder("P-" + UUID.randomUUID(), 100);

        HttpResponse<String> badChannel = Api.post("/api/v1/orders/" + orderId + "/payments", "{\"channel\":\"PAYPAL\"}");
        assertEquals(400, badChannel.statusCode());
        assertTrue(Api.json(badChannel.body()).getString("detail").contains("WECHAT_PAY"));

        HttpResponse<String> noOrder = Api.post("/api/v1/orders/" + UUID.randomUUID() + "/payments",
                "{\"channel\":\"ALIPAY\"}");
        assertEquals(404, noOrder.statusCode());
        assertEquals(0, OrderDatabase.count("select count(*) from payment_attempt where order_id = ?::uuid", orderId));
    }

    @Test
    void readinessCoversTheChannels() throws Exception {
        HttpResponse<String> ready = Api.get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"channels\""), ready.body());
        assertTrue(ready.body().contains("WECHAT_PAY") && ready.body().contains("ALIPAY"), ready.body());
    }
}
