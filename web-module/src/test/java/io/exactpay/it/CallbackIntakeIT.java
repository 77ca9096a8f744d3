package io.exactpay.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /**
     * Waits until the captures queue holds nothing, waiting, scheduled or in delivery: whatever the
     * intake queued (a second settlement of the same payment, if it queued one) has been settled
     * or dead-lettered by then.
     */
    private static void awaitSettlementQueueDrained() throws Exception {
        Await.until(Broker.CAPTURES + " drained", 30_000, () -> Broker.drained(Broker.CAPTURES));
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
        awaitSettlementQueueDrained();
        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid",
                attempt.getString("orderId")), "one capture however often the channel calls");
    }

    /**
     * The callback and a channel query (close consumer, janitor) take in the same payment at once:
     * the test plays the query and holds its inbox row uncommitted while the callback arrives, so
     * the callback's intake waits for it. Once the query commits, the callback must still get the
     * channel's success answer at the first delivery (a 500 would make the channel call again
     * seconds or minutes later), the payment is in the inbox once and settled once, and the server
     * writes no warning or stack trace for it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"WECHAT_PAY, wechatpay", "ALIPAY, alipay"})
    void callbackWhileTheSameEventIsTakenInElsewhere_acknowledgedOnceNoError(String apiChannel, String sandboxChannel)
            throws Exception {
        long log = ConsoleLog.mark();
        JsonObject attempt = openAttempt(apiChannel, 730);
        String outTradeNo = attempt.getString("outTradeNo");
        Sandbox.delayCallbacks(sandboxChannel, outTradeNo, 1_000);
        JsonObject trade = Sandbox.paid(sandboxChannel, outTradeNo);

        try (Connection query = OrderDatabase.connect()) {
            query.setAutoCommit(false);
            try (PreparedStatement insert = query.prepareStatement("insert into callback_inbox (channel, channel_txn_id,"
                    + " event_type, out_trade_no, amount_minor, currency, received_at)"
                    + " values (?, ?, 'PAYMENT_CAPTURED', ?, 730, 'CNY', now()) on conflict do nothing")) {
                insert.setString(1, apiChannel);
                insert.setString(2, trade.getString("transactionId"));
                insert.setString(3, outTradeNo);
                assertEquals(1, insert.executeUpdate(), "the test's intake must come before the callback");
            }
            Await.until("the callback's intake waits for the test's inbox row", 20_000,
                    () -> OrderDatabase.sessionsWaitingBehind(query) > 0);
            query.commit();
        }

        JsonObject first = awaitFirstDelivery(sandboxChannel, outTradeNo);
        assertEquals("ACKNOWLEDGED", first.getString("outcome"), first.toString());
        assertEquals(1, inboxRows(outTradeNo));
        // Nothing was queued by the test's intake: the janitor's query finds the payment and settles it.
        awaitCaptures(attempt.getString("orderId"), 1);
        awaitSettlementQueueDrained();
        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid",
                attempt.getString("orderId")), "settled once");
        assertEquals("PAID", Api.json(Api.get("/api/v1/orders/" + attempt.getString("orderId")).body()).getString("status"));
        assertEquals(1, Sandbox.callbacks(sandboxChannel, outTradeNo).size(), "the channel called once");
        ConsoleLog.assertQuietSince(log);
    }

    private static List<JsonObject> paymentDeliveries(String channel, String outTradeNo) throws Exception {
        return Sandbox.callbacks(channel, outTradeNo).getValuesAs(JsonObject.class).stream()
                .filter(d -> List.of("payment", "TRANSACTION.SUCCESS").contains(d.getString("kind"))).toList();
    }

    private static JsonObject awaitFirstDelivery(String channel, String outTradeNo) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (Sandbox.callbacks(channel, outTradeNo).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return Sandbox.callbacks(channel, outTradeNo).getJsonObject(0);
    }

    /**
     * The channel's signed callback says it captured another amount (WeChat Pay) or currency
     * (Alipay) than the order's. That money is real: the callback is acknowledged at its first
     * delivery (never refused, or the channel would resend it while the money stays), the capture is
     * recorded once as MISMATCHED and refunded exactly once (AMOUNT_MISMATCH) at the channel, and
     * the order is not paid by it: it stays PENDING and its own amount still pays it.
     */
    @ParameterizedTest(name = "{0} captures {2} {3}")
    @CsvSource({"WECHAT_PAY, wechatpay, 1287, CNY", "ALIPAY, alipay, 1288, USD"})
    void captureOfAnotherAmountOrCurrency_isRecordedMismatchedAndRefundedOnce_orderNotPaidByIt(String apiChannel,
            String sandboxChannel, long captured, String currency) throws Exception {
        JsonObject attempt = openAttempt(apiChannel, 1288);
        String orderId = attempt.getString("orderId");
        String outTradeNo = attempt.getString("outTradeNo");

        assertEquals(200, Sandbox.payAs(sandboxChannel, outTradeNo, captured, currency));
        Await.until("the payment callback delivered", 30_000,
                () -> !paymentDeliveries(sandboxChannel, outTradeNo).isEmpty());
        List<JsonObject> deliveries = paymentDeliveries(sandboxChannel, outTradeNo);
        assertEquals("ACKNOWLEDGED", deliveries.get(0).getString("outcome"), "acknowledged at the first delivery: "
                + deliveries);

        Orders.awaitRefund(orderId, "AMOUNT_MISMATCH", "SUCCEEDED", 30_000);
        awaitSettlementQueueDrained();
        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid and role = 'MISMATCHED'"
                + " and amount_minor = ? and currency = ?", orderId, captured, currency));
        assertEquals(1, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid", orderId));
        assertEquals(1, OrderDatabase.count("select count(*) from refund where order_id = ?::uuid", orderId),
                "refunded exactly once");
        assertEquals(1, OrderDatabase.count("select count(*) from refund where order_id = ?::uuid"
                + " and amount_minor = ? and currency = ?", orderId, captured, currency), "all of what was captured");
        JsonObject trade = Sandbox.trade(sandboxChannel, outTradeNo);
        assertEquals(captured, trade.getJsonNumber("captured").longValue());
        assertEquals(captured, trade.getJsonNumber("refunded").longValue(), "the channel holds nothing any more");
        assertEquals(0, Orders.ledger(orderId));
        assertEquals("PENDING", Orders.status(orderId), "a capture of another amount does not pay the order");
        assertEquals(1, paymentDeliveries(sandboxChannel, outTradeNo).size(), "the channel called once");

        // The payer pays the order's own amount on a new attempt: that payment is the order's.
        HttpResponse<String> again = Api.post("/api/v1/orders/" + orderId + "/payments",
                "{\"channel\":\"" + apiChannel + "\"}");
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(200, Sandbox.pay(sandboxChannel, Api.json(again.body()).getString("outTradeNo")));
        Orders.awaitSettled(orderId, "PAID", 30_000);
        assertEquals(1, Orders.captures(orderId, "PRIMARY"));
        assertEquals(1288, Orders.ledger(orderId));
    }

    /**
     * No callback comes for a payment of another amount; the order is cancelled. The close meets a
     * paid trade, and the channel query's answer (close consumer or janitor, whichever comes first)
     * is taken in with what the channel captured: a MISMATCHED capture refunded once, and the order
     * CLOSED with nothing kept, instead of a settlement that fails on every redelivery.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"WECHAT_PAY, wechatpay", "ALIPAY, alipay"})
    void queriedCaptureOfAnotherAmount_onACancelledOrder_isRefundedAndTheOrderCloses(String apiChannel,
            String sandboxChannel) throws Exception {
        JsonObject attempt = openAttempt(apiChannel, 960);
        String orderId = attempt.getString("orderId");
        String outTradeNo = attempt.getString("outTradeNo");
        Sandbox.faults(sandboxChannel, outTradeNo, "DROP_ALL_CALLBACKS");
        assertEquals(200, Sandbox.payAs(sandboxChannel, outTradeNo, 959, "CNY"));

        assertEquals(200, Orders.cancel(orderId, "PAYER_REQUEST").statusCode());
        Orders.awaitSettled(orderId, "CLOSED", 40_000);
        awaitSettlementQueueDrained();
        assertEquals(0, Sandbox.acknowledged(sandboxChannel, outTradeNo), "no callback reached ExactPay");
        assertEquals(1, Orders.captures(orderId, "MISMATCHED"));
        assertEquals(1, Orders.refunds(orderId, "AMOUNT_MISMATCH", "SUCCEEDED"));
        assertEquals(1, OrderDatabase.count("select count(*) from refund where order_id = ?::uuid", orderId));
        assertEquals(0, Orders.ledger(orderId));
        assertNull(Broker.receive(Broker.DEAD_LETTERS, "JMSXGroupID = '" + orderId + "'", 500),
                "no settlement of the order was dead-lettered");
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
