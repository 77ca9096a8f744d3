package io.exactpay.ear;

import io.exactpay.it.Broker;
import io.exactpay.it.Invariants;
import io.exactpay.it.OrderDatabase;
import io.exactpay.it.Orders;
import io.exactpay.it.Sandbox;
import io.exactpay.it.SystemUnderTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payara Server's domain is killed (SIGKILL) while orders settle, at a moment when XA branches are
 * prepared, and started again with asadmin start-domain: the transaction log under the domain and
 * automatic recovery finish every branch, in PostgreSQL and in the broker (through the Artemis
 * resource adapter), and every order still settles with exactly its money.
 */
class DomainCrashRecoveryIT {

    private static final int ORDERS = 60;
    private static final int PAYERS = 8;
    /** How long to look for a moment with branches prepared in both resources before taking one with either. */
    private static final long BOTH_PREPARED_WAIT_MILLIS = 5_000;
    private static final long CATCH_PREPARED_WAIT_MILLIS = 30_000;
    /** Longer than the restart may take on a loaded machine: recovery runs while the application starts. */
    private static final long RECOVERY_WAIT_NANOS = 360_000_000_000L;

    private enum Scenario { PAY, BOTH_CHANNELS, CANCEL }

    private record Order(Scenario scenario, Orders.Opened opened) {
    }

    /**
     * What the kill left in doubt, each branch by its global transaction id (so that the branches of
     * one transaction in both resources can be told), and how many orders had not settled yet.
     */
    private record Crash(List<Branch> databaseBranches, List<Branch> brokerBranches, long unsettledOrders) {
    }

    /** A prepared branch: its global transaction id, and for PostgreSQL its gid and transaction number. */
    private record Branch(String globalId, String gid, String transaction) {
        @Override
        public String toString() {
            return transaction == null ? "global " + globalId : "xid " + transaction + " (global " + globalId + ")";
        }
    }

    @Test
    void killedWhileBranchesArePrepared_recoveryLeavesNothingInDoubtAndEveryOrderItsMoney() throws Exception {
        String run = "K-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String like = run + "%";
        PayaraServerStack stack = PayaraServerStack.running();
        ExecutorService payers = Executors.newFixedThreadPool(PAYERS);
        List<Order> orders = open(run, payers);

        // Cancels need the server, so they go first; their trade closes are settlement work in flight.
        for (Order o : orders) {
            if (o.scenario() == Scenario.CANCEL) {
                assertEquals(200, Orders.cancel(o.opened().orderId(), "PAYER_REQUEST").statusCode());
            }
        }
        // The payer pays at the sandbox, which stays up; an order on both channels is paid on both at once.
        List<Future<Integer>> paying = new ArrayList<>();
        for (Order o : orders) {
            if (o.scenario() == Scenario.CANCEL) continue;
            for (String trade : o.opened().trades()) {
                paying.add(payers.submit(() -> Sandbox.pay(Orders.sandboxChannel(trade), trade)));
            }
        }
        Crash crash = killWhileBranchesArePrepared(stack, like);
        System.out.printf("killed the domain's server with %d orders unsettled; in doubt: %d branch(es) prepared in"
                + " PostgreSQL %s, %d in the broker %s%n", crash.unsettledOrders(), crash.databaseBranches().size(),
                crash.databaseBranches(), crash.brokerBranches().size(), crash.brokerBranches());
        long paidTrades = 0;
        for (Future<Integer> payment : paying) {
            int status = payment.get();
            assertTrue(status == 200 || status == 409, "the payer got HTTP " + status);
            if (status == 200) paidTrades++;
        }
        payers.shutdown();

        int logOffset = stack.domain().serverLogLength();
        long restarting = System.nanoTime();
        CompletableFuture<Double> resolving = CompletableFuture.supplyAsync(() -> secondsUntilResolved(crash, restarting));
        stack.restartServer();
        double ready = (System.nanoTime() - restarting) / 1e9;
        double resolved = resolving.get();
        System.out.printf("after start-domain: the branches in doubt were gone from PostgreSQL and the broker %.1f s"
                + " after it (the application served from %.1f s on); PostgreSQL says of each: %s; the server's"
                + " recovery log:%n%s%n", resolved, ready, outcomes(crash), recoveryLog(stack.domain().serverLogFrom(logOffset)));

        // Settled: every trade the payer paid is captured (a capture the crash delayed may still come
        // and start a refund), and then no order is in a non-final state. In this order: a duplicate
        // capture committed between the two reads would otherwise pass both, its refund unseen.
        long deadline = System.currentTimeMillis() + 120_000;
        while ((captures(like) < paidTrades || Orders.unsettled(like) > 0) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }

        assertTrue(crash.unsettledOrders() > 0, "the kill landed while orders were settling");
        assertTrue(crash.databaseBranches().size() + crash.brokerBranches().size() > 0,
                "the kill landed while XA branches were prepared");
        assertFalse(Double.isNaN(resolved), "recovery finished the branches in doubt after start-domain");
        assertEquals(paidTrades, captures(like), "every trade the payer paid is captured, once");
        assertEquals(0, Orders.unsettled(like), "every order settled after the restart: final state, refunds"
                + " settled, no trade open on a closed order; " + unsettledOrders(like));
        assertEquals(0, OrderDatabase.inDoubtTransactions(), "no transaction left prepared in PostgreSQL");
        assertEquals(0, Broker.preparedTransactions(), "no transaction left prepared in the broker");
        Invariants.assertNoMoneyInvariantViolated();
        for (Order o : orders) assertOutcome(o);
        assertTrue(OrderDatabase.count("select count(*) from capture c join orders o on o.id = c.order_id"
                + " where o.merchant_order_no like ? and c.role = 'DUPLICATE'", like) > 0,
                "payments on both channels at once made duplicate captures, refunded across the crash");
    }

    private static List<Order> open(String run, ExecutorService pool) throws Exception {
        List<Future<Order>> opening = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Scenario scenario = Scenario.values()[i % Scenario.values().length];
            String no = run + i;
            long amount = 100 + 37L * i;
            String[] channels = switch (scenario) {
                case BOTH_CHANNELS -> new String[] {"WECHAT_PAY", "ALIPAY"};
                default -> new String[] {i % 2 == 0 ? "WECHAT_PAY" : "ALIPAY"};
            };
            opening.add(pool.submit(() -> new Order(scenario, Orders.open(no, amount, null, channels))));
        }
        List<Order> orders = new ArrayList<>();
        for (Future<Order> f : opening) orders.add(f.get());
        return orders;
    }

    /**
     * Watches both resources for a prepared branch; when one shows, freezes the server (SIGSTOP) and
     * counts again: what is prepared while it is frozen is in doubt the moment it is killed. Prefers
     * a moment with branches prepared in both resources, takes one with either after a while, and
     * kills anyway when none showed.
     */
    private static Crash killWhileBranchesArePrepared(PayaraServerStack stack, String like) throws Exception {
        long started = System.currentTimeMillis();
        try (Connection database = OrderDatabase.connect()) {
            while (System.currentTimeMillis() - started < CATCH_PREPARED_WAIT_MILLIS) {
                if (databaseBranches(database).isEmpty() && Broker.preparedTransactions() == 0) continue;
                stack.pauseServer();
                List<Branch> inDatabase = databaseBranches(database);
                List<Branch> inBroker = brokerBranches();
                boolean both = !inDatabase.isEmpty() && !inBroker.isEmpty();
                boolean either = !inDatabase.isEmpty() || !inBroker.isEmpty();
                if (both || (either && System.currentTimeMillis() - started > BOTH_PREPARED_WAIT_MILLIS)) {
                    stack.crashServer();
                    return new Crash(inDatabase, inBroker, Orders.unsettled(like));
                }
                stack.resumeServer();
            }
            stack.crashServer();
            return new Crash(databaseBranches(database), brokerBranches(), Orders.unsettled(like));
        }
    }

    /** pgjdbc names a branch formatId_base64(global id)_base64(branch qualifier). */
    private static List<Branch> databaseBranches(Connection database) throws SQLException {
        List<Branch> branches = new ArrayList<>();
        try (PreparedStatement ps = database.prepareStatement("select gid, transaction::text from pg_prepared_xacts");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                branches.add(new Branch(parts.length == 3 ? parts[1] : rs.getString(1), rs.getString(1), rs.getString(2)));
            }
        }
        return branches;
    }

    private static List<Branch> brokerBranches() {
        return SystemUnderTest.get().broker().server().getResourceManager().getPreparedTransactions().stream()
                .map(xid -> new Branch(Base64.getEncoder().encodeToString(xid.getGlobalTransactionId()), null, null))
                .toList();
    }

    /**
     * Seconds from {@code since} until none of the crash's branches is prepared in either resource
     * any more; NaN when some still are after {@link #RECOVERY_WAIT_NANOS}.
     */
    private static double secondsUntilResolved(Crash crash, long since) {
        try (Connection database = OrderDatabase.connect()) {
            while (System.nanoTime() - since < RECOVERY_WAIT_NANOS) {
                List<String> gids = databaseBranches(database).stream().map(Branch::gid).toList();
                List<String> inBroker = brokerBranches().stream().map(Branch::globalId).toList();
                boolean prepared = crash.databaseBranches().stream().anyMatch(b -> gids.contains(b.gid()))
                        || crash.brokerBranches().stream().anyMatch(b -> inBroker.contains(b.globalId()));
                if (!prepared) return (System.nanoTime() - since) / 1e9;
                Thread.sleep(250);
            }
            return Double.NaN;
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How each branch in doubt in PostgreSQL ended (txid_status: committed or aborted), and whether
     * the broker held a branch of the same global transaction.
     */
    private static String outcomes(Crash crash) throws SQLException {
        List<String> brokerGlobalIds = crash.brokerBranches().stream().map(Branch::globalId).toList();
        List<String> outcomes = new ArrayList<>();
        for (Branch b : crash.databaseBranches()) {
            outcomes.add(b + " " + OrderDatabase.text("select txid_status(?::bigint)", b.transaction())
                    + (brokerGlobalIds.contains(b.globalId()) ? ", with its broker branch" : ", no broker branch"));
        }
        long brokerOnly = crash.brokerBranches().stream().filter(b -> crash.databaseBranches().stream()
                .noneMatch(d -> d.globalId().equals(b.globalId()))).count();
        return outcomes + " and " + brokerOnly + " broker branch(es) whose transaction had none left in PostgreSQL";
    }

    private static long captures(String like) throws SQLException {
        return OrderDatabase.count("select count(*) from capture c join orders o on o.id = c.order_id"
                + " where o.merchant_order_no like ?", like);
    }

    private static String unsettledOrders(String like) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = OrderDatabase.connect(); PreparedStatement ps = c.prepareStatement("select"
                + " o.merchant_order_no || ' ' || o.status || ' trades ' || (select coalesce(string_agg(a.status, ','), '')"
                + " from payment_attempt a where a.order_id = o.id) || ' refunds ' || (select coalesce(string_agg("
                + "r.status, ','), '') from refund r where r.order_id = o.id) from orders o where o.merchant_order_no like ?"
                + " and (o.status not in ('PAID', 'CLOSED', 'REFUNDED') or exists (select 1 from refund r where"
                + " r.order_id = o.id and r.status in ('REQUESTED', 'SUBMITTED')))")) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(rs.getString(1));
            }
        }
        return "not settled: " + rows;
    }

    private static void assertOutcome(Order o) throws Exception {
        String id = o.opened().orderId();
        if (o.scenario() == Scenario.CANCEL) {
            assertEquals("CLOSED", Orders.status(id), "cancelled order " + id);
            assertEquals(0, Orders.kept(id), "a closed order keeps nothing: " + id);
        } else {
            assertEquals("PAID", Orders.status(id), "paid order " + id);
            assertEquals(o.opened().amount(), Orders.kept(id), "a paid order keeps exactly its amount: " + id);
            assertEquals(1, Orders.captures(id, "PRIMARY"), "one capture is the payment of " + id);
            assertEquals(Orders.captures(id, "DUPLICATE"), Orders.refunds(id, "DUPLICATE_PAYMENT", "SUCCEEDED"),
                    "each duplicate capture refunded once: " + id);
        }
        assertEquals(Orders.kept(id), Orders.ledger(id), "the ledger equals what the order keeps: " + id);
    }

    /** The server.log records of the transaction service's recovery: their time and first line. */
    private static String recoveryLog(String log) {
        String records = Arrays.stream(log.split("\\R\\R"))
                .filter(record -> record.contains("JTS") || record.toLowerCase().contains("recover"))
                .map(record -> {
                    String[] lines = record.strip().split("\\R");
                    return "  " + lines[0].substring(0, Math.min(31, lines[0].length())) + " "
                            + (lines.length > 1 ? lines[1].strip() : "");
                })
                .limit(40).collect(Collectors.joining("\n"));
        return records.isEmpty() ? "  (none)" : records;
    }
}
