package io.exactpay.chaos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks after a chaos run, once everything is up and quiet. The first is the external truth:
 * what the channels hold for each order (the sandbox's ledger, captured less refunded over all the
 * order's trades) must be what the order keeps. Then ExactPay's own books, the callbacks and
 * commands it acknowledged, and what is left in doubt or undone.
 */
final class Verdict {

    /** One check: its name, the number of violations and a few examples. */
    record Check(String name, long violations, List<String> examples) {
        boolean passed() {
            return violations == 0;
        }
    }

    private final List<Check> checks = new ArrayList<>();

    List<Check> checks() {
        return checks;
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    void add(String name, List<String> violations) {
        checks.add(new Check(name, violations.size(), violations.subList(0, Math.min(5, violations.size()))));
    }

    /** The channels' money per order equals what the order keeps: its amount if PAID, nothing otherwise. */
    static List<String> channelsHoldWhatOrdersKeep(Connection db, JsonObject ledger) throws SQLException {
        Map<String, String> orderOfTrade = new HashMap<>();
        Map<String, long[]> orders = new LinkedHashMap<>(); // id -> amount, held
        Map<String, String> status = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select a.out_trade_no, o.id, o.status, o.amount_minor"
                     + " from payment_attempt a join orders o on o.id = a.order_id")) {
            while (rs.next()) {
                String order = rs.getString(2);
                orderOfTrade.put(rs.getString(1), order);
                status.put(order, rs.getString(3));
                orders.putIfAbsent(order, new long[] {rs.getLong(4), 0});
            }
        }
        List<String> violations = new ArrayList<>();
        for (JsonElement t : ledger.getAsJsonArray("trades")) {
            JsonObject trade = t.getAsJsonObject();
            String no = trade.get("outTradeNo").getAsString();
            long held = trade.get("captured").getAsLong() - trade.get("refunded").getAsLong();
            String order = orderOfTrade.get(no);
            if (order == null) {
                if (held != 0) violations.add("trade " + no + " holds " + held + " for no order of ExactPay's");
                continue;
            }
            orders.get(order)[1] += held;
        }
        orders.forEach((order, money) -> {
            String st = status.get(order);
            long keeps = "PAID".equals(st) ? money[0] : 0;
            if (!Set.of("PAID", "CLOSED", "REFUNDED").contains(st)) {
                violations.add("order " + order + " is " + st + ", not settled; the channels hold " + money[1]);
            } else if (money[1] != keeps) {
                violations.add("order " + order + " is " + st + " (amount " + money[0] + ") but the channels hold "
                        + money[1]);
            }
        });
        return violations;
    }

    /** Every callback the channels saw acknowledged is in the inbox exactly once. */
    static List<String> acknowledgedCallbacksInInbox(Connection db, JsonObject ledger) throws SQLException {
        Map<String, Integer> inbox = new HashMap<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select out_trade_no || '/' || event_type, count(*) from callback_inbox"
                     + " group by out_trade_no, event_type")) {
            while (rs.next()) inbox.put(rs.getString(1), rs.getInt(2));
        }
        List<String> violations = new ArrayList<>();
        for (JsonElement t : ledger.getAsJsonArray("trades")) {
            JsonObject trade = t.getAsJsonObject();
            String no = trade.get("outTradeNo").getAsString();
            if (acknowledged(trade, "payment") > 0) {
                int n = inbox.getOrDefault(no + "/PAYMENT_CAPTURED", 0);
                if (n != 1) violations.add("payment callback of " + no + " acknowledged, " + n + " times in the inbox");
            }
            int refunds = acknowledged(trade, "refund");
            if (refunds > 0) {
                int n = inbox.getOrDefault(no + "/REFUND_SETTLED", 0);
                if (n != refunds) {
                    violations.add(refunds + " refund callbacks of " + no + " acknowledged, " + n + " in the inbox");
                }
            }
        }
        return violations;
    }

    /** How many of the trade's callbacks of this kind (payment, refund) ExactPay acknowledged. */
    private static int acknowledged(JsonObject trade, String kind) {
        int n = 0;
        if (!trade.has("callbacks")) return 0;
        for (JsonElement c : trade.getAsJsonArray("callbacks")) {
            JsonObject callback = c.getAsJsonObject();
            if (!callback.get("kind").getAsString().toLowerCase().startsWith(kind)) continue;
            JsonElement ack = callback.get("acknowledged");
            boolean yes = ack.getAsJsonPrimitive().isBoolean() ? ack.getAsBoolean() : ack.getAsInt() > 0;
            if (yes) n++;
        }
        return n;
    }

    /**
     * Every command the broker accepted from the legacy system was answered exactly once, and one
     * whose answer says it changed something (OrderPlaced, OrderState) is recorded as processed once;
     * a business error (CommandError) changes nothing and so is not recorded.
     */
    static List<String> legacyCommandsProcessedOnce(Connection db, LegacyErp erp, Map<String, List<String>> replies)
            throws SQLException {
        Set<String> accepted = erp.accepted();
        Map<String, Integer> processed = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("select message_id, count(*) from processed_message"
                + " where client_id = ? group by message_id")) {
            ps.setString(1, LegacyErp.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) processed.put(rs.getString(1), rs.getInt(2));
            }
        }
        List<String> violations = new ArrayList<>();
        for (String id : accepted) {
            List<String> answers = replies.getOrDefault(id, List.of());
            int n = processed.getOrDefault(id, 0);
            // A command sent again (its first send's answer lost with the broker) is answered again,
            // with the first outcome: one answer per send at most, processed once all the same.
            // CommandError (a business answer) and CommandRejected (dead-lettered with its reason, e.g.
            // the order held by a transaction in doubt until its instance recovered) change nothing.
            boolean changed = !answers.isEmpty() && !answers.get(0).equals("CommandError")
                    && !answers.get(0).equals("CommandRejected");
            if (answers.isEmpty() || answers.size() > erp.sends(id) || answers.stream().distinct().count() != 1) {
                violations.add("command " + id + " sent " + erp.sends(id) + " times, answered " + answers);
            } else if (changed != (n == 1) || n > 1) {
                violations.add("command " + id + " answered " + answers + ", recorded as processed " + n + " times");
            }
        }
        return violations;
    }

    /** Rows of the query, each a violation described by its columns. */
    static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) values.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                out.add(String.join(" ", values));
            }
        }
        return out;
    }

    /**
     * A legacy system's command whose every attempt met its order held by a transaction in doubt
     * (its coordinator was killed and not yet recovered) is dead-lettered with that reason and the
     * sender is answered CommandRejected: the sender was told and may send it again. Listed in the
     * report, not counted as a loss. Anything else on the dead-letter queue is.
     */
    static boolean explained(String deadLetter) {
        return deadLetter.contains("deadLetterOrigin=exactpay.order.commands")
                && (deadLetter.contains("lock timeout") || deadLetter.contains("OrderBusyException"));
    }

    /** The dead-letter queue's messages, each with the reason ExactPay gave. */
    static List<String> deadLetters(String host, int port, String user, String password) {
        List<String> out = new ArrayList<>();
        try (JMSContext context = new ActiveMQConnectionFactory("tcp://" + host + ":" + port, user, password)
                .createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(context.createQueue("exactpay.DLQ"))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message m = (Message) messages.nextElement();
                List<String> properties = new ArrayList<>();
                for (Object name : Collections.list(m.getPropertyNames())) {
                    properties.add(name + "=" + m.getObjectProperty((String) name));
                }
                String body = m.getBody(String.class);
                out.add(String.join(", ", properties) + " body=" + (body == null ? null
                        : body.substring(0, Math.min(300, body.length()))));
            }
        } catch (Exception e) {
            out.add("could not browse the dead-letter queue: " + e);
        }
        return out;
    }

    static List<String> none() {
        return Collections.emptyList();
    }
}
