package io.exactpay.chaos;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A branch that a <b>running</b> instance prepared and then could not commit. PostgreSQL keeps a
 * prepared transaction when the session that prepared it ends; the coordinator's second phase
 * over that session then fails. Payara's transaction manager records such a transaction as
 * incomplete and finishes it at its next start, or, when the transaction service's
 * {@code pending-txn-cleanup-interval} is set, from a background thread while it keeps serving.
 * Without that thread the branch stays prepared, holding its order's row, for as long as the
 * instance runs: what a chaos run found after a database connection broke under load.
 *
 * <p>This places orders on one instance and, the moment one of its branches is prepared, ends
 * every database session of that instance ({@code pg_terminate_backend}, as a restarted database
 * or a network cut would), until a branch outlives its session; then it may take the database
 * down for a while, and waits for the running instance to finish the branch.
 */
final class StrandedBranch {

    /** What happened: the stranded branch, how long it stayed prepared, and whether the instance ran throughout. */
    record Outcome(String gid, int tries, boolean resolved, double secondsPrepared, boolean instanceRanThroughout,
                   int ordersPlaced) {
    }

    private final ChaosStack stack;
    private final ChaosStack.Instance instance;

    StrandedBranch(ChaosStack stack, ChaosStack.Instance instance) {
        this.stack = stack;
        this.instance = instance;
    }

    /**
     * Strands a branch of the instance, then keeps the database down for {@code databaseDown}
     * (zero: not at all), and waits up to {@code patience} for the running instance to finish it.
     */
    Outcome strandAndWait(Duration databaseDown, Duration patience) throws Exception {
        String prefix = Base64.getEncoder().encodeToString(
                (RecoveryOwnership.recoveryName(instance) + ",").getBytes(StandardCharsets.US_ASCII));
        // The branch qualifier is the recovery name, a comma and a branch number: its Base64 starts
        // with the name's Base64 up to the last full group of three bytes.
        String bqualPrefix = prefix.substring(0, prefix.length() / 4 * 4 - 4);
        String token = stack.tokens().portal("stranded-portal", Duration.ofHours(1));
        Portal portal = new Portal(List.of(instance.baseUri()));
        AtomicBoolean driving = new AtomicBoolean(true);
        AtomicInteger placed = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                for (int i = 0; driving.get(); i++) {
                    String no = "STRAND-" + client + "-" + i + "-" + System.nanoTime();
                    try {
                        Portal.Answer answer = portal.post("/api/v1/orders", "{\"merchantOrderNo\":\"" + no
                                + "\",\"amount\":100,\"currency\":\"CNY\",\"subject\":\"Stranded\"}", token, no);
                        if (answer.status() == 201) {
                            placed.incrementAndGet();
                            // Leave no order waiting for a payer: the run's checks count every order.
                            String id = answer.json().get("id").getAsString();
                            portal.post("/api/v1/orders/" + id + "/cancel", "{\"reason\":\"MERCHANT_REQUEST\"}",
                                    token, no + "-cancel");
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // the session was cut under the request: the portal's answer is the server's business
                    }
                }
            }, "stranded-client-" + c);
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
        long pidBefore = instance.pid();
        String stranded = null;
        int tries = 0;
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (stranded == null && System.nanoTime() < deadline) {
                String gid = preparedBy(bqualPrefix);
                if (gid == null) {
                    Thread.sleep(1);
                    continue;
                }
                tries++;
                terminateSessionsOf(instance);
                // Stranded when still prepared well after its session ended: a commit that is merely
                // slow on a loaded machine is over by then.
                Thread.sleep(5_000);
                if (preparedBy(bqualPrefix) != null && isPrepared(gid)) stranded = gid;
            }
        } finally {
            driving.set(false);
            for (Thread t : clients) t.join(30_000);
        }
        if (stranded == null) throw new IllegalStateException("no branch outlived its session in " + tries + " tries");
        long since = System.nanoTime();
        if (!databaseDown.isZero()) {
            // As when the database itself went away: the transaction manager's own retry of
            // incomplete transactions runs while it is down, finishes nothing, and does not try again.
            stack.killDatabase();
            Thread.sleep(databaseDown.toMillis());
            stack.startDatabase();
        }
        long deadline = since + patience.toNanos();
        boolean resolved = false;
        while (System.nanoTime() < deadline) {
            if (!isPrepared(stranded)) {
                resolved = true;
                break;
            }
            Thread.sleep(500);
        }
        return new Outcome(stranded, tries, resolved, (System.nanoTime() - since) / 1e9,
                instance.pid() == pidBefore && instance.isAlive(), placed.get());
    }

    private String preparedBy(String bqualPrefix) throws Exception {
        try (Connection c = stack.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select gid from pg_prepared_xacts")) {
            while (rs.next()) {
                String gid = rs.getString(1);
                String[] parts = gid.split("_");
                if (parts.length == 3 && parts[2].startsWith(bqualPrefix)) return gid;
            }
        }
        return null;
    }

    private boolean isPrepared(String gid) throws Exception {
        try (Connection c = stack.connect();
             var q = c.prepareStatement("select 1 from pg_prepared_xacts where gid = ?")) {
            q.setString(1, gid);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void terminateSessionsOf(ChaosStack.Instance target) throws Exception {
        try (Connection c = stack.connect(); var q = c.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            q.setString(1, target.settings.get("instance-name"));
            q.executeQuery().close();
        }
    }
}
