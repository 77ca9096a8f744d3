package io.exactpay.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A payer pays at the channel; the channel's signed callback reaches ExactPay, is verified through
 * the channel SDK, and is taken in exactly once: one inbox row and one settled capture that makes
 * the order PAID, however often the channel repeats it. Forged callbacks get the channel's failure
 * answer and leave nothing behind.
 */
class CallbackIntakeIT {

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private static JsonObject openAttempt(String apiChannel, long amount) throws Exception {
        String orderId = Api.placeOrder("CB-" + UUID.randomUUID(), amount);
        HttpResponse<String> started = Api.post("/api/v1/orders/" + orderId + "/payments",
                "{\"channel\":\"" + apiChannel + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        return Api.json(started.body());
    }

    private static long inboxRows(String outTradeNo) throws Exception {
        return OrderDatabase.count("select count(*) from callback_inbox where out_trade_no = ?", outTradeNo);
    }

    private static void awaitAcknowledged(String channel, String outTradeNo, long deliveries) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (Sandbox.acknowledged(channel, outTradeNo) < deliveries && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(deliveries, Sandbox.acknowledged(channel, outTradeNo), Sandbox.callbacks(channel, outTradeNo).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WECHAT_PAY, wechatpay", "ALIPAY, alipay"})
    void paidTradeIsTakenInOnceAndQueuedForSettlement(String apiChannel, String sandboxChannel) throws Exception {
        JsonObject attempt = openAttempt(apiChannel, 1288);
        String outTradeNo = attempt.getString("outTradeNo");

        assertEquals(200, Sandbox.pay(sandboxChannel, outTradeNo));
        awaitAcknowledged(sandboxChannel, outTradeNo, 1);

        assertEquals(1, inboxRows(outTradeNo));
        assertEquals(1, OrderDatabase.count("select count(*) from callback_inbox where out_trade_no = ?"
                + " and amount_minor = 1288 and currency = 'CNY' and event_type = 'PAYMENT_CAPTURED'", outTradeNo));
        awaitCaptures(attempt.getString("orderId"), 1);
        assertEquals(1, OrderDatabase.count("select count(*) from capture where attempt_id = ?::uuid and role = 'PRIMARY'"
                + " and amount_minor = 1288 and channel = ?", attempt.getString("id"), apiChannel));
        assertEquals("PAID", Api.json(Api.get("/api/v1/orders/" + attempt.getString("orderId")).body()).getString("status"));
    }

    private static void awaitCaptures(String orderId, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String sql = "select count(*) from capture where order_id = ?::uuid";
        while (OrderDatabase.count(sql, orderId) < expected && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertEquals(expected, OrderDatabase.count(sql, orderId));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"WECHAT_PAY, wechatpay", "ALIPAY, alipay"})
    void repeatedCallbackIsAcknowledgedAndChangesNothing(String apiChannel, String sandboxChannel) throws Exception {
        JsonObject attempt = openAttempt(apiChannel, 500);
        String outTradeNo = attempt.getString("outTradeNo");
        Sandbox.duplicateCallbacks(sandboxChannel, outTradeNo, 4);

        assertEquals(200, Sandbox.pay(sandboxChannel, outTradeNo));
        awaitAcknowledged(sandboxChannel, outTradeNo, 5);

        assertEquals(1, inboxRows(outTradeNo));
        awaitCaptures(attempt.getString("orderId"), 1);
        Thread.sleep(1_000); // a second settlement, if there were one, would have landed by now
        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid",
                attempt.getString("orderId")), "one capture however often the channel calls");
    }

    @Test
    void forgedCallbacksGetTheChannelsFailureAnswerAndLeaveNothing() throws Exception {
        long inboxBefore = OrderDatabase.count("select count(*) from callback_inbox");
        long noncesBefore = OrderDatabase.count("select count(*) from callback_nonce");

        // As channels call: no bearer token, the signature (here a missing one) decides.
        HttpResponse<String> wechat = Api.post("/api/v1/callbacks/wechatpay",
                "{\"id\":\"EV-1\",\"event_type\":\"TRANSACTION.SUCCESS\",\"resource\":{}}", null);
        HttpResponse<String> alipay = Api.post("/api/v1/callbacks/alipay", "{}", null);

        assertTrue(wechat.statusCode() >= 400, wechat.statusCode() + " " + wechat.body());
        assertEquals("FAIL", Api.json(wechat.body()).getString("code"));
        assertTrue(alipay.body().startsWith("fail"), alipay.body());
        assertEquals(inboxBefore, OrderDatabase.count("select count(*) from callback_inbox"));
        assertEquals(noncesBefore, OrderDatabase.count("select count(*) from callback_nonce"));
    }
}
