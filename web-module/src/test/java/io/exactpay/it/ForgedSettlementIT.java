package io.exactpay.it;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money moves only on a channel's word. Work sent straight to the settlement queues, even with
 * ExactPay's own broker credentials, is a work order and never proof: a capture or refund success
 * that no verified callback or recorded channel query in the inbox vouches for is dead-lettered
 * with its reason and changes nothing, and the internal cancels queue takes only the expiry
 * timer's cancels. The genuine payment or refund afterwards still settles.
 */
class ForgedSettlementIT {

    private static final String CANCELS = "exactpay.order.cancels";
    private static final String REFUNDS = "exactpay.refunds";

    @AfterAll
    static void invariantsHold() throws Exception {
        Invariants.assertNoInDoubtTransactions();
        Invariants.assertNoMoneyInvariantViolated();
    }

    private static String run() {
        return "F-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void forgedCaptureOfAnUnpaidTrade_isDeadLetteredAndTheOrderStaysPending() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 1999, null, "WECHAT_PAY");

        Message dead = sendAndAwaitDeadLetter(Broker.CAPTURES,
                paymentCaptured(order, 0, "4200000000" + System.nanoTime(), 1999));

        assertTrue(dead.getStringProperty("deadLetterReason").contains("vouches"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals("PENDING", Orders.status(order.orderId()));
        assertEquals(0, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid", order.orderId()),
                "no capture recorded");
        assertEquals(0, Orders.ledger(order.orderId()));

        // The payer pays for real: the channel's callback settles it as ever.
        assertEquals(200, Sandbox.pay("wechatpay", order.trade(0)));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        assertEquals(1, Orders.captures(order.orderId(), "PRIMARY"));
        assertEquals(1999, Orders.ledger(order.orderId()));
    }

    @Test
    void anotherTradesGenuineTransactionIdDoesNotPayThisTrade() throws Exception {
        Orders.Opened paid = Orders.open(run() + "1", 500, null, "WECHAT_PAY");
        assertEquals(200, Sandbox.pay("wechatpay", paid.trade(0)));
        Orders.awaitSettled(paid.orderId(), "PAID", 30_000);
        String realTransaction = OrderDatabase.text("select channel_txn_id from callback_inbox where out_trade_no = ?",
                paid.trade(0));

        Orders.Opened unpaid = Orders.open(run() + "2", 500, null, "WECHAT_PAY");
        Message dead = sendAndAwaitDeadLetter(Broker.CAPTURES, paymentCaptured(unpaid, 0, realTransaction, 500));

        assertTrue(dead.getStringProperty("deadLetterReason").contains("vouches"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals("PENDING", Orders.status(unpaid.orderId()));
        assertEquals(0, OrderDatabase.count("select count(*) from capture where order_id = ?::uuid", unpaid.orderId()));
        assertEquals(1, Orders.captures(paid.orderId(), "PRIMARY"), "the paid order is untouched");
    }

    /**
     * A crash in a commit's second phase can make the settlement message visible before the inbox
     * row that vouches for it (the database killed after the broker committed: the row waits,
     * prepared, for recovery). A capture that finds no vouching row while a transaction is in doubt
     * is delivered again later, not dead-lettered as forged, and settles once the row commits.
     */
    @Test
    void aCaptureWhoseVouchingRowIsStillInDoubt_settlesOnceTheRowCommits_withoutADeadLetter() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 1300, null, "WECHAT_PAY");
        String transactionId = "4200000000" + System.nanoTime();
        String gid = "it-in-doubt-" + UUID.randomUUID();
        try {
            try (Connection db = OrderDatabase.connect()) {
                db.setAutoCommit(false);
                try (PreparedStatement insert = db.prepareStatement("insert into callback_inbox (channel,"
                        + " channel_txn_id, event_type, out_trade_no, amount_minor, currency, received_at)"
                        + " values ('WECHAT_PAY', ?, 'PAYMENT_CAPTURED', ?, 1300, 'CNY', now())")) {
                    insert.setString(1, transactionId);
                    insert.setString(2, order.trade(0));
                    insert.executeUpdate();
                }
                db.createStatement().execute("prepare transaction '" + gid + "'");
            }
            String marker = UUID.randomUUID().toString();
            try (JMSContext context = Broker.connectionFactory().createContext()) {
                context.createProducer().setProperty("marker", marker)
                        .send(context.createQueue(Broker.CAPTURES), paymentCaptured(order, 0, transactionId, 1300));
            }

            // Every delivery attempt finds no row (its own) while the row's transaction is in doubt.
            assertNull(Broker.receive(Broker.DEAD_LETTERS, "marker = '" + marker + "'", 6_000),
                    "dead-lettered as forged while its vouching row was in doubt");
            assertEquals("PENDING", Orders.status(order.orderId()));

            try (Connection db = OrderDatabase.connect()) {
                db.createStatement().execute("commit prepared '" + gid + "'");
            }
            Orders.awaitSettled(order.orderId(), "PAID", 30_000);
            assertEquals(1, Orders.captures(order.orderId(), "PRIMARY"));
            assertEquals(1300, Orders.ledger(order.orderId()));
            assertNull(Broker.receive(Broker.DEAD_LETTERS, "marker = '" + marker + "'", 500));
        } finally {
            try (Connection db = OrderDatabase.connect()) {
                if (OrderDatabase.count("select count(*) from pg_prepared_xacts where gid = ?", gid) > 0) {
                    db.createStatement().execute("rollback prepared '" + gid + "'");
                }
            }
        }
    }

    @Test
    void forgedRefundSuccess_isDeadLetteredAndTheRefundStaysFailedUntilTheChannelRefunds() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 1200, null, "ALIPAY");
        Sandbox.faults("alipay", order.trade(0), "REFUNDS_DOWN");
        assertEquals(200, Sandbox.pay("alipay", order.trade(0)));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        HttpResponse<String> cancelled = Orders.cancel(order.orderId(), "MERCHANT_REQUEST");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals(1, Orders.awaitRefund(order.orderId(), "ORDER_CANCELLED", "FAILED", 30_000),
                "the channel refunded nothing");
        String refundId = OrderDatabase.text("select id::text from refund where order_id = ?::uuid", order.orderId());
        String outRefundNo = OrderDatabase.text("select out_refund_no from refund where order_id = ?::uuid",
                order.orderId());

        String forged = Json.createObjectBuilder().add("type", "RefundSettled").add("schemaVersion", 1)
                .add("orderId", order.orderId()).add("outRefundNo", outRefundNo)
                .add("channelRefundId", "forged-" + System.nanoTime()).add("amount", 1200).add("currency", "CNY")
                .add("settledAt", "").add("acceptedAt", Instant.now().toString()).build().toString();
        Message dead = sendAndAwaitDeadLetter(REFUNDS, forged);

        assertTrue(dead.getStringProperty("deadLetterReason").contains("vouches"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals(1, Orders.refunds(order.orderId(), "ORDER_CANCELLED", "FAILED"), "still FAILED");
        assertEquals("REFUNDING", Orders.status(order.orderId()));
        assertEquals(1200, Orders.kept(order.orderId()), "no money moved");
        assertEquals(1200, Orders.ledger(order.orderId()));

        // Support sends it again once the channel is back: the channel's own word settles it.
        Sandbox.clearFaults("alipay", order.trade(0));
        HttpResponse<String> retried = Api.post("/api/v1/admin/refunds/" + refundId + "/retry", "",
                Api.staffToken("support"));
        assertEquals(200, retried.statusCode(), retried.body());
        Orders.awaitSettled(order.orderId(), "REFUNDED", 30_000);
        assertEquals(0, Orders.kept(order.orderId()));
        assertEquals(0, Orders.ledger(order.orderId()));
    }

    /**
     * A forged refund success naming another amount is checked for the channel's word first, like
     * any other: dead-lettered as unvouched, nothing changed. (Before, the amount was compared
     * first and the message taken for the channel's report of another amount, "settled as 1 CNY",
     * which fails a refund still under way for a person: a message nobody vouched for could change
     * a refund.)
     */
    @Test
    void forgedRefundSuccessOfAnotherAmount_isDeadLetteredAsUnvouchedAndChangesNothing() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 1400, null, "ALIPAY");
        Sandbox.faults("alipay", order.trade(0), "REFUNDS_DOWN");
        assertEquals(200, Sandbox.pay("alipay", order.trade(0)));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);
        assertEquals(200, Orders.cancel(order.orderId(), "MERCHANT_REQUEST").statusCode());
        assertEquals(1, Orders.awaitRefund(order.orderId(), "ORDER_CANCELLED", "FAILED", 30_000));
        String outRefundNo = OrderDatabase.text("select out_refund_no from refund where order_id = ?::uuid",
                order.orderId());
        long auditBefore = OrderDatabase.count("select count(*) from order_audit where order_id = ?::uuid",
                order.orderId());

        String forged = Json.createObjectBuilder().add("type", "RefundSettled").add("schemaVersion", 1)
                .add("orderId", order.orderId()).add("outRefundNo", outRefundNo)
                .add("channelRefundId", "forged-" + System.nanoTime()).add("amount", 1).add("currency", "CNY")
                .add("settledAt", "").add("acceptedAt", Instant.now().toString()).build().toString();
        Message dead = sendAndAwaitDeadLetter(REFUNDS, forged);

        assertTrue(dead.getStringProperty("deadLetterReason").contains("vouches"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals(1, Orders.refunds(order.orderId(), "ORDER_CANCELLED", "FAILED"), "still FAILED");
        assertEquals(auditBefore, OrderDatabase.count("select count(*) from order_audit where order_id = ?::uuid",
                order.orderId()), "nothing recorded on the order");
        assertEquals(1400, Orders.kept(order.orderId()), "no money moved");
    }

    @Test
    void aCancelOtherThanTheExpiryTimersOnTheInternalQueue_isRefusedAndRefundsNothing() throws Exception {
        Orders.Opened order = Orders.open(run() + "1", 800, null, "ALIPAY");
        assertEquals(200, Sandbox.pay("alipay", order.trade(0)));
        Orders.awaitSettled(order.orderId(), "PAID", 30_000);

        String supportCancel = Json.createObjectBuilder().add("type", "CancelOrder").add("schemaVersion", 1)
                .add("orderId", order.orderId()).add("reason", "SUPPORT").add("actor", "support:mallory")
                .build().toString();
        Message dead = sendAndAwaitDeadLetter(CANCELS, supportCancel);

        assertTrue(dead.getStringProperty("deadLetterReason").startsWith("refused"),
                dead.getStringProperty("deadLetterReason"));
        assertEquals("PAID", Orders.status(order.orderId()));
        assertEquals(0, OrderDatabase.count("select count(*) from refund where order_id = ?::uuid", order.orderId()),
                "nothing refunded");
        assertEquals(800, Orders.kept(order.orderId()));
    }

    private static String paymentCaptured(Orders.Opened order, int trade, String transactionId, long amount)
            throws Exception {
        String attemptId = OrderDatabase.text("select id::text from payment_attempt where out_trade_no = ?",
                order.trade(trade));
        JsonObject body = Json.createObjectBuilder().add("type", "PaymentCaptured").add("schemaVersion", 1)
                .add("orderId", order.orderId()).add("attemptId", attemptId)
                .add("channel", order.trade(trade).startsWith("W") ? "WECHAT_PAY" : "ALIPAY")
                .add("outTradeNo", order.trade(trade)).add("transactionId", transactionId).add("amount", amount)
                .add("currency", "CNY").add("paidAt", Instant.now().toString())
                .add("acceptedAt", Instant.now().toString()).build();
        return body.toString();
    }

    /** Sends as ExactPay's own broker user, who may send there, and waits for the dead letter. */
    private static Message sendAndAwaitDeadLetter(String queue, String body) throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = Broker.connectionFactory().createContext()) {
            context.createProducer().setProperty("marker", marker).send(context.createQueue(queue), body);
        }
        Message dead = Broker.receive(Broker.DEAD_LETTERS, "marker = '" + marker + "'", 30_000);
        assertNotNull(dead, "dead-lettered");
        assertEquals(queue, dead.getStringProperty("deadLetterOrigin"));
        return dead;
    }
}
