package io.exactpay.chaos;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order's row lock across JVMs. In normal running the two captures of one order share a
 * message group and so one consumer; here that help is taken away: both genuine captures (taken in
 * from the channels' callbacks) are held back, sent again without their group, and released while
 * the test holds the order's row, so that a consumer on each Payara instance waits on the same
 * lock. Exactly one capture may become the PRIMARY.
 */
final class CrossInstanceCaptures {

    /** What one try saw: the instances that waited on the order's row at once, and the captures' roles. */
    record Outcome(String orderId, Set<String> waiters, List<String> roles, String status) {
    }

    private static final String CAPTURES = "exactpay.payment.captures";
    private static final String HELD = "exactpay.chaos.held-captures";

    private final ChaosStack stack;
    private final Portal portal;
    private final Payer payer;
    private final String token;

    CrossInstanceCaptures(ChaosStack stack) {
        this.stack = stack;
        this.portal = new Portal(stack.instanceUris());
        this.payer = new Payer(stack.sandboxUri());
        this.token = stack.tokens().portal("lock-portal", Duration.ofHours(1));
    }

    Outcome once(String merchantOrderNo) throws Exception {
        String orderId = portal.post("/api/v1/orders", "{\"merchantOrderNo\":\"" + merchantOrderNo
                + "\",\"amount\":2500,\"currency\":\"CNY\",\"subject\":\"Row lock\"}", token, merchantOrderNo)
                .json().get("id").getAsString();
        List<String> trades = new ArrayList<>();
        for (String channel : new String[] {"WECHAT_PAY", "ALIPAY"}) {
            trades.add(portal.post("/api/v1/orders/" + orderId + "/payments", "{\"channel\":\"" + channel + "\"}",
                    token, merchantOrderNo + channel).json().get("outTradeNo").getAsString());
        }
        try {
            return race(orderId, trades);
        } catch (Exception e) {
            // Leave nothing waiting for a payer that will not come: the chaos run counts every order.
            portal.post("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"MERCHANT_REQUEST\"}", token, null);
            throw e;
        }
    }

    private Outcome race(String orderId, List<String> trades) throws Exception {
        BrokerAdmin admin = stack.admin();
        admin.createQueue(HELD);
        List<Message> held;
        admin.pause(CAPTURES, true);
        try {
            for (String trade : trades) payer.pay(trade);
            await(() -> inbox(orderId) == 2 && admin.messageCount(CAPTURES) >= 2, "both captures taken in and queued");
            admin.moveAll(CAPTURES, HELD);
        } finally {
            admin.pause(CAPTURES, false);
        }
        try (JMSContext context = factory().createContext(JMSContext.SESSION_TRANSACTED);
             JMSConsumer consumer = context.createConsumer(context.createQueue(HELD))) {
            held = new ArrayList<>();
            for (Message m = consumer.receive(5_000); m != null && held.size() < 2; m = consumer.receive(2_000)) {
                held.add(m);
            }
            if (held.size() != 2) throw new IllegalStateException("expected the order's two captures, held " + held.size());

            Set<String> waiters;
            try (Connection lock = stack.connect()) {
                lock.setAutoCommit(false);
                try (PreparedStatement ps = lock.prepareStatement("select id from orders where id = ?::uuid for update")) {
                    ps.setString(1, orderId);
                    ps.executeQuery().close();
                }
                JMSProducer producer = context.createProducer();
                for (Message m : held) {
                    Message copy = context.createTextMessage(m.getBody(String.class));
                    for (Object property : Collections.list(m.getPropertyNames())) {
                        String name = (String) property;
                        if (!name.startsWith("JMSX") && !name.startsWith("_AMQ")) copy.setObjectProperty(name, m.getObjectProperty(name));
                    }
                    producer.send(context.createQueue(CAPTURES), copy); // no JMSXGroupID: any consumer may take it
                }
                context.commit();
                waiters = waitersOnTheOrderRow(2, Duration.ofSeconds(3));
                lock.rollback();
            }
            await(() -> settled(orderId), "the order settled");
            return new Outcome(orderId, waiters, roles(orderId), status(orderId));
        }
    }

    private ActiveMQConnectionFactory factory() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + stack.settings().get("broker.port"),
                stack.settings().get("broker.user"), stack.settings().get("broker.password"));
    }

    /**
     * The instances (by the database connection's application name) whose transactions wait in the
     * order's locking read; a wait anywhere else (an update, a unique index) does not count, as it
     * means the settlement decided before it had the order to itself.
     */
    private Set<String> waitersOnTheOrderRow(int wanted, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> seen = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            int waiting = 0;
            Set<String> now = new TreeSet<>();
            try (Connection c = stack.connect(); PreparedStatement ps = c.prepareStatement(
                    "select application_name from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and application_name like 'exactpay-%' and lower(query) like '%from orders%for update%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    waiting++;
                    now.add(rs.getString(1));
                }
            }
            seen.addAll(now);
            if (waiting >= wanted) return now;
            Thread.sleep(20);
        }
        return seen;
    }

    private long inbox(String orderId) throws Exception {
        return count("select count(*) from callback_inbox i join payment_attempt a on a.out_trade_no = i.out_trade_no"
                + " where a.order_id = ?::uuid and i.event_type = 'PAYMENT_CAPTURED'", orderId);
    }

    private boolean settled(String orderId) throws Exception {
        return "PAID".equals(status(orderId)) && count("select count(*) from capture where order_id = ?::uuid", orderId) == 2
                && count("select count(*) from refund where order_id = ?::uuid and status = 'SUCCEEDED'", orderId) == 1;
    }

    private List<String> roles(String orderId) throws Exception {
        List<String> roles = new ArrayList<>();
        try (Connection c = stack.connect(); PreparedStatement ps = c.prepareStatement(
                "select role from capture where order_id = ?::uuid order by role")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) roles.add(rs.getString(1));
            }
        }
        return roles;
    }

    private String status(String orderId) throws Exception {
        try (Connection c = stack.connect(); PreparedStatement ps = c.prepareStatement(
                "select status from orders where id = ?::uuid")) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long count(String sql, String orderId) throws Exception {
        try (Connection c = stack.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("not within 60 s: " + what);
    }
}
