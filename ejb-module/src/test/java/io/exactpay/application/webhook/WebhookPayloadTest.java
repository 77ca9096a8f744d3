package io.exactpay.application.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookPayloadTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final String DUPLICATE = "{\"type\":\"DuplicatePaymentRefunding\",\"schemaVersion\":1,"
            + "\"eventId\":\"6f1c1b8e-3c1a-4a51-9d59-0d6f6c1d2a10\",\"orderId\":\"0b6c2a57-5d0e-4c55-8d8f-9c3f3f3b1e01\","
            + "\"merchantOrderNo\":\"M-2001\",\"orderStatus\":\"PAID\",\"channel\":\"WECHAT_PAY\",\"outRefundNo\":\"R1\","
            + "\"amount\":2500,\"currency\":\"CNY\"}";

    @Test
    void thePayloadIsTheEventsFieldsWithTheAmountAsTextAndTheSentenceForThePayer() {
        JsonObject payload = json(WebhookOutbox.payload("DuplicatePaymentRefunding", json(DUPLICATE),
                Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals("DuplicatePaymentRefunding", payload.getString("type"));
        assertEquals("2026-01-01T00:00:00Z", payload.getString("timestamp"));
        JsonObject data = payload.getJsonObject("data");
        assertEquals("M-2001", data.getString("merchantOrderNo"));
        assertEquals("0b6c2a57-5d0e-4c55-8d8f-9c3f3f3b1e01", data.getString("orderId"));
        assertEquals(2500, data.getInt("amount"));
        assertEquals("25.00", data.getString("amountText"));
        assertEquals("CNY", data.getString("currency"));
        assertEquals("You paid twice; 25.00 CNY goes back to your WeChat Pay within 1-3 days.",
                data.getString("payerMessage"));
    }

    @Test
    void amountsKeepTheCurrencysMinorDigitsWithoutFloatingPoint() {
        assertEquals("0.07", PayerMessage.amountText(json("{\"amount\":7,\"currency\":\"CNY\"}")));
        assertEquals("90071992547409.93", PayerMessage.amountText(json("{\"amount\":9007199254740993,\"currency\":\"CNY\"}")));
        assertEquals("2500", PayerMessage.amountText(json("{\"amount\":2500,\"currency\":\"JPY\"}")));
    }

    @Test
    void aLatePaymentAndAClosedOrderTellThePayerWhatHappensToTheMoney() {
        JsonObject late = json(DUPLICATE.replace("\"channel\":\"WECHAT_PAY\"", "\"channel\":\"ALIPAY\""));
        assertEquals("Your payment of 25.00 CNY arrived after order M-2001 was cancelled; it goes back to your Alipay"
                + " within 1-3 days.", PayerMessage.of("LatePaymentRefunding", late));
        assertEquals("Order M-2001 is cancelled and can no longer be paid.", PayerMessage.of("OrderClosed", late));
    }
}
