package io.exactpay.chaos;

import io.exactpay.chaos.ChaosOptions.Target;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The supervisor of a chaos run: kills one part at a time with SIGKILL at a chosen moment (while
 * XA transactions are prepared, while settlement work is queued, or at random), starts it again on
 * its own data, and records what each kill left in doubt and how long until settlement went on.
 */
final class Kills {

    /** When a kill strikes. */
    enum Moment { XA_PREPARED, WORK_QUEUED, RANDOM }

    /** One kill, as the report shows it. */
    static final class Kill {
        final Target target;
        final String part;
        final Moment wanted;
        String moment;
        double atSeconds;
        int preparedInDatabase;
        int preparedInBroker = -1;
        long queuedWork = -1;
        double downSeconds;
        double settlingAgainSeconds = -1;
        final Map<String, Long> xids = new LinkedHashMap<>();
        String resolved = "";

        Kill(Target target, String part, Moment wanted) {
            this.target = target;
            this.part = part;
            this.wanted = wanted;
        }
    }

    private static final String[] WORK_QUEUES = {"exactpay.payment.captures", "exactpay.refunds", "exactpay.trade.closes"};

    private final ChaosStack stack;
    private final Random random;
    private final long started;
    private final List<Kill> done = Collections.synchronizedList(new ArrayList<>());
    private int payaraTurn;

    Kills(ChaosStack stack, Random random, long startedNanos) {
        this.stack = stack;
        this.random = random;
        this.started = startedNanos;
    }

    /** The moment for the n-th kill of a target: the first waits for prepared XA, the second for queued work. */
    static Moment momentFor(Target target, int nth) {
        if (target == Target.DATABASE) return Moment.WORK_QUEUED;
        return switch (nth) {
            case 0 -> Moment.XA_PREPARED;
            case 1 -> Moment.WORK_QUEUED;
            default -> Moment.RANDOM;
        };
    }

    /** Kills the target at the moment, starts it again and waits until it serves. */
    Kill strike(Target target, Moment wanted) throws Exception {
        ChaosStack.Instance instance = target == Target.PAYARA
                ? stack.instances().get(payaraTurn++ % stack.instances().size()) : null;
        Kill kill = new Kill(target, instance != null ? "payara-" + instance.name : target.name().toLowerCase(), wanted);
        kill.moment = await(wanted, kill);
        long settledBefore = lastSettlement();
        long killedAt = System.nanoTime();
        kill.atSeconds = (killedAt - started) / 1e9;
        switch (target) {
            case PAYARA -> instance.kill();
            case BROKER -> stack.killBroker();
            case DATABASE -> stack.killDatabase();
        }
        log("killed " + kill.part + " (" + kill.moment + ") at " + String.format("%.1f", kill.atSeconds) + " s");
        if (target != Target.DATABASE) kill.xids.putAll(preparedInDatabase());
        Thread.sleep(random.nextInt(2_000)); // the supervisor notices a moment later
        switch (target) {
            case PAYARA -> instance.start();
            case BROKER -> stack.startBroker();
            case DATABASE -> {
                stack.startDatabase();
                kill.xids.putAll(preparedInDatabase()); // prepared branches survive PostgreSQL's restart
            }
        }
        kill.downSeconds = (System.nanoTime() - killedAt) / 1e9;
        kill.preparedInDatabase = kill.xids.size();
        if (target == Target.BROKER) kill.preparedInBroker = safe(() -> stack.admin().preparedTransactions());
        log(kill.part + " serving again after " + String.format("%.1f", kill.downSeconds) + " s; " + kill.xids.size()
                + " prepared in PostgreSQL" + (kill.preparedInBroker >= 0 ? ", " + kill.preparedInBroker
                + " prepared in the broker" : ""));
        Thread watcher = new Thread(() -> follow(kill, killedAt, settledBefore), "chaos-follow-" + kill.part);
        watcher.setDaemon(true);
        watcher.start();
        done.add(kill);
        return kill;
    }

    List<Kill> done() {
        return done;
    }

    /** Until the branches prepared at the kill are finished, and settlement commits again. */
    private void follow(Kill kill, long killedAt, long settledBefore) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        try {
            while (kill.settlingAgainSeconds < 0 && System.nanoTime() < deadline) {
                if (lastSettlement() > settledBefore) kill.settlingAgainSeconds = (System.nanoTime() - killedAt) / 1e9;
                else Thread.sleep(200);
            }
            while (System.nanoTime() < deadline) {
                Map<String, Long> still = preparedInDatabase();
                if (kill.xids.keySet().stream().noneMatch(still::containsKey)) break;
                Thread.sleep(500);
            }
            kill.resolved = resolution(kill.xids);
        } catch (Exception e) {
            kill.resolved = "not followed: " + e;
        }
    }

    /** How the prepared branches ended, as PostgreSQL's commit log says. */
    private String resolution(Map<String, Long> xids) {
        if (xids.isEmpty()) return "none in doubt";
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            for (Map.Entry<String, Long> x : xids.entrySet()) {
                try (ResultSet rs = s.executeQuery("select txid_status(" + x.getValue() + ")")) {
                    rs.next();
                    outcomes.merge(String.valueOf(rs.getString(1)), 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            return "unknown: " + e.getMessage();
        }
        List<String> parts = new ArrayList<>();
        outcomes.forEach((outcome, n) -> parts.add(n + " " + outcome));
        return String.join(", ", parts);
    }

    private String await(Moment wanted, Kill kill) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        switch (wanted) {
            case XA_PREPARED -> {
                while (System.nanoTime() < deadline) {
                    if (!preparedInDatabase().isEmpty()) return "XA transactions prepared";
                    Thread.sleep(2);
                }
                return "random (nothing prepared seen in 30 s)";
            }
            case WORK_QUEUED -> {
                while (System.nanoTime() < deadline) {
                    long queued = queuedWork();
                    if (queued > 0) {
                        kill.queuedWork = queued;
                        return queued + " settlement messages queued";
                    }
                    Thread.sleep(20);
                }
                return "random (no settlement work seen queued in 30 s)";
            }
            default -> {
                Thread.sleep(random.nextInt(3_000));
                return "random";
            }
        }
    }

    private long queuedWork() {
        long total = 0;
        for (String queue : WORK_QUEUES) {
            Long n = safeLong(() -> stack.admin().messageCount(queue));
            if (n != null) total += n;
        }
        return total;
    }

    /** Global transaction id to PostgreSQL transaction id of every prepared branch. */
    Map<String, Long> preparedInDatabase() {
        Map<String, Long> xids = new LinkedHashMap<>();
        try (Connection c = stack.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select gid, transaction::text::bigint from pg_prepared_xacts")) {
            while (rs.next()) xids.put(rs.getString(1), rs.getLong(2));
        } catch (Exception databaseDown) {
            // nothing to read while PostgreSQL is down
        }
        return xids;
    }

    /** The newest settlement in the books (a capture or a refund's success), by audit id. */
    private long lastSettlement() {
        try (Connection c = stack.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from order_audit"
                     + " where action like 'CAPTURE%' or action = 'REFUND_SUCCEEDED'")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception databaseDown) {
            return -1;
        }
    }

    private interface Check<T> {
        T get() throws Exception;
    }

    private static int safe(Check<Integer> check) {
        try {
            return check.get();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Long safeLong(Check<Long> check) {
        try {
            return check.get();
        } catch (Exception e) {
            return null;
        }
    }

    static void log(String line) {
        System.out.println("[chaos] " + line);
    }
}
