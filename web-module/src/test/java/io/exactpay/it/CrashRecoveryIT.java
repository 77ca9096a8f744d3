package io.exactpay.it;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server is killed while orders are being placed, then started again: its transaction log
 * settles every transaction that was in doubt, and each order ends up with its OrderCreated event
 * and each event with its order (invariants 4 and 5 across a crash).
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 8;

    @Test
    void killedMidTransaction_recoveryLeavesNothingInDoubtAndEveryOrderWithExactlyItsEvent() throws Exception {
        String run = "C-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; ; i++) {
                    String no = run + client + "-" + i;
                    try {
                        HttpResponse<String> response = Api.post("/api/v1/orders", "{\"merchantOrderNo\":\"" + no
                                + "\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"crash\"}");
                        if (response.statusCode() == 201) acknowledged.add(Api.json(response.body()).getString("id"));
                    } catch (Exception serverGone) {
                        return null;
                    }
                }
            });
        }
        // Killed once the clients have placed orders (four each on average) and are busy mid-transaction.
        Await.until("orders placed before the crash", 60_000, () -> acknowledged.size() >= 4 * CLIENTS);
        ExactPayStack.get().crashServer();
        // What the crash left in doubt; a run that caught none still checks atomicity across the crash.
        System.out.printf("in doubt after the crash: %d in PostgreSQL, %d in the broker%n",
                OrderDatabase.inDoubtTransactions(), Broker.preparedTransactions());
        ExactPayStack.get().restartServer();
        clients.shutdownNow();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

        Invariants.assertNoInDoubtTransactions();
        Set<String> stored = storedOrders(run);
        assertTrue(stored.size() > CLIENTS, "orders were placed before the crash: " + stored.size());
        assertTrue(stored.containsAll(acknowledged), "every acknowledged order survived the crash");
        List<String> announced = new ArrayList<>();
        for (Message event : Broker.receiveAll(Broker.EVENTS, "type = 'OrderCreated'", 3_000)) {
            var body = Api.json(((TextMessage) event).getText());
            if (body.getString("merchantOrderNo").startsWith(run)) announced.add(body.getString("orderId"));
        }
        assertEquals(announced.size(), new HashSet<>(announced).size(), "no order announced twice");
        assertEquals(stored, new HashSet<>(announced), "each stored order announced, and nothing else");
        Invariants.assertNoMoneyInvariantViolated();
    }

    private static Set<String> storedOrders(String run) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = OrderDatabase.connect();
             PreparedStatement ps = c.prepareStatement("select id from orders where merchant_order_no like ?")) {
            ps.setString(1, run + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
