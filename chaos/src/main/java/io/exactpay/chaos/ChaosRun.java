package io.exactpay.chaos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.exactpay.chaos.ChaosOptions.Target;
import io.exactpay.chaos.Workload.Played;
import io.exactpay.chaos.Workload.Race;
import io.exactpay.server.DevelopmentTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One chaos run: start the stack, drive the orders while killing parts one at a time, wait until
 * everything is up and quiet, then check the money against the channels and print the report.
 * Bounded in orders and time; everything listens on 127.0.0.1 and stops at the end.
 */
public final class ChaosRun {

    private final ChaosOptions options;
    private final Verdict verdict = new Verdict();
    private final StringBuilder report = new StringBuilder();

    ChaosRun(ChaosOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        ChaosOptions options = ChaosOptions.fromSystemProperties();
        boolean passed;
        try (ChaosStack stack = start(options)) {
            passed = new ChaosRun(options).run(stack);
        }
        System.exit(passed ? 0 : 1);
    }

    /** The stack of a run, started. */
    static ChaosStack start(ChaosOptions options) throws Exception {
        ChaosStack stack = new ChaosStack(options);
        Kills.log("starting PostgreSQL, Artemis, the channel sandbox and " + options.httpPorts().size()
                + " Payara Micro instances under " + options.workDir());
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Drives, kills and checks on a started stack; true when every check passed. The report is
     * printed and written under the work dir.
     */
    boolean run(ChaosStack stack) throws Exception {
        long deadline = System.nanoTime() + options.bound().toNanos();
        DevelopmentTokens tokens = stack.tokens();
        Portal portal = new Portal(stack.instanceUris());
        Payer payer = new Payer(stack.sandboxUri());
        LegacyErp erp = new LegacyErp("127.0.0.1", options.brokerPort(),
                stack.settings().legacySystems().stream().filter(s -> s.name().equals(LegacyErp.NAME))
                        .findFirst().orElseThrow().password());
        String supportToken = tokens.staff("chaos-support", DevelopmentTokens.SUPPORT, Duration.ofHours(6));
        Workload workload = new Workload(portal, payer, erp,
                tokens.portal(Workload.PORTAL_CLIENT, Duration.ofHours(6)),
                tokens.portal(LegacyErp.NAME, Duration.ofHours(6)), supportToken, "C" + options.seed() + "-");

        long started = System.nanoTime();
        Kills kills = new Kills(stack, new Random(options.seed() * 31), started);
        List<Played> played = drive(workload, kills, deadline);
        double drove = (System.nanoTime() - started) / 1e9;
        Kills.log("drove " + played.size() + " orders in " + String.format("%.0f", drove) + " s");

        workload.endRefundOutage();
        double settledAfter = settle(stack, portal, supportToken, deadline, started);
        check(stack, payer, erp, portal, supportToken);
        write(stack, played, kills, drove, settledAfter, portal, erp);
        System.out.println(report);
        return verdict.passed();
    }

    /** The checks that failed, each with its count and first examples: short enough for a test's failure message. */
    String failedChecks() {
        StringBuilder failed = new StringBuilder();
        for (Verdict.Check c : verdict.checks()) {
            if (c.passed()) continue;
            failed.append(failed.isEmpty() ? "" : "; ").append(c.name()).append(": ").append(c.violations())
                    .append(" (").append(String.join(", ", c.examples().subList(0, Math.min(2, c.examples().size()))))
                    .append(")");
        }
        return failed.toString();
    }

    /** Drives every order with the clients while the kills strike at evenly spread points of the drive. */
    private List<Played> drive(Workload workload, Kills kills, long deadline) throws Exception {
        List<Target> sequence = options.killSequence();
        int orders = options.orders();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        AtomicInteger submitted = new AtomicInteger();
        Map<Target, Integer> nth = new EnumMap<>(Target.class);
        Thread killer = new Thread(() -> {
            try {
                for (int k = 0; k < sequence.size(); k++) {
                    int at = (int) ((long) orders * (k + 1) / (sequence.size() + 1));
                    while (submitted.get() < at) Thread.sleep(50);
                    Target target = sequence.get(k);
                    int n = nth.merge(target, 1, Integer::sum) - 1;
                    kills.strike(target, Kills.momentFor(target, n));
                }
            } catch (Exception e) {
                Kills.log("the supervisor failed: " + e);
                e.printStackTrace();
            }
        }, "chaos-supervisor");
        killer.start();

        Random random = new Random(options.seed());
        List<Future<Played>> work = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            // Hold the drive at each kill's point until the kill before has been made, so every kill lands mid-drive.
            int killsMade = kills.done().size();
            while (killsMade < sequence.size() && i >= (long) orders * (killsMade + 2) / (sequence.size() + 1)
                    && killer.isAlive()) {
                Thread.sleep(100);
                killsMade = kills.done().size();
            }
            if (System.nanoTime() > deadline) {
                // A stack that cannot keep up still gets its money checked: what was driven is judged.
                verdict.add("the drive finished within the run's time bound",
                        List.of("stopped submitting after " + i + " of " + orders + " orders"));
                break;
            }
            Race race = Workload.pick(random);
            Random own = new Random(random.nextLong());
            int index = i;
            work.add(clients.submit(() -> workload.play(index, race, own)));
            submitted.incrementAndGet();
            if (i % 500 == 499) Kills.log((i + 1) + " orders submitted");
            // Keep the queue of submitted orders short, so that the kills' points mean a place in the drive.
            while (work.size() - completed(work) > options.clients() * 2) Thread.sleep(20);
        }
        killer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        killer.interrupt();
        List<Played> played = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // Orders already submitted get a while past the bound to finish, then are given up.
        long finishBy = Math.max(deadline, System.nanoTime()) + Duration.ofMinutes(2).toNanos();
        for (Future<Played> f : work) {
            try {
                played.add(f.get(Math.max(0, finishBy - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                failures.add("not finished within the run's time bound");
            } catch (Exception e) {
                failures.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
            }
        }
        clients.shutdownNow();
        verdict.add("every order could be driven (placed, opened, paid, cancelled)", failures);
        return played;
    }

    private static long completed(List<Future<Played>> work) {
        return work.stream().filter(Future::isDone).count();
    }

    /**
     * Waits until every order has settled: a final state, no refund under way, no trade open on a
     * closed order. Meanwhile support retries the refunds that failed while their channel was down.
     */
    private double settle(ChaosStack stack, Portal portal, String supportToken, long deadline, long started)
            throws Exception {
        // Settling gets what is left of the bound, and at least a few minutes so a drive that ran
        // out of time still has its orders settle before the money is checked.
        long settleBy = Math.max(Math.min(deadline, System.nanoTime() + Duration.ofMinutes(15).toNanos()),
                System.nanoTime() + Duration.ofMinutes(5).toNanos());
        long lastRetry = 0;
        while (System.nanoTime() < settleBy) {
            if (System.nanoTime() - lastRetry > 10_000_000_000L) {
                retryFailedRefunds(portal, supportToken);
                lastRetry = System.nanoTime();
            }
            long unsettled;
            try (Connection db = stack.connect()) {
                unsettled = Verdict.rows(db, UNSETTLED).size();
            }
            if (unsettled == 0) return (System.nanoTime() - started) / 1e9;
            Kills.log(unsettled + " orders still settling");
            Thread.sleep(5_000);
        }
        return -1;
    }

    private static final String UNSETTLED = "select o.id, o.status from orders o where"
            + " o.status not in ('PAID', 'CLOSED', 'REFUNDED')"
            + " or exists (select 1 from refund r where r.order_id = o.id and r.status <> 'SUCCEEDED')"
            + " or (o.status <> 'PAID' and exists (select 1 from payment_attempt a where a.order_id = o.id"
            + " and a.status in ('OPENING', 'OPEN')))";

    private static void retryFailedRefunds(Portal portal, String supportToken) throws InterruptedException {
        Portal.Answer failed = portal.get("/api/v1/admin/refunds/failed", supportToken);
        if (failed.status() != 200) return;
        for (JsonElement refund : com.google.gson.JsonParser.parseString(failed.body()).getAsJsonArray()) {
            String id = refund.getAsJsonObject().get("id").getAsString();
            Portal.Answer retried = portal.post("/api/v1/admin/refunds/" + id + "/retry", "{}", supportToken, null);
            Kills.log("support retried failed refund " + id + ": HTTP " + retried.status());
        }
    }

    private void check(ChaosStack stack, Payer payer, LegacyErp erp, Portal portal, String supportToken)
            throws Exception {
        JsonObject ledger;
        try {
            ledger = payer.ledger();
        } catch (Exception e) {
            verdict.add("the channels' ledger could be read", List.of(String.valueOf(e)));
            ledger = new JsonObject();
            ledger.add("trades", new com.google.gson.JsonArray());
        }
        try (Connection db = stack.connect()) {
            verdict.add("the channels hold for each order what it keeps (sandbox ledger)",
                    Verdict.channelsHoldWhatOrdersKeep(db, ledger));
            Portal.Answer invariants = portal.get("/api/v1/admin/invariants", supportToken);
            JsonObject answer = invariants.json();
            List<String> broken = new ArrayList<>();
            if (answer.get("violations").getAsLong() != 0) broken.add(answer.toString());
            verdict.add("the invariant checker finds no violation", broken);
            verdict.add("each order's ledger equals its captures less its succeeded refunds", Verdict.rows(db,
                    "select o.id, (select coalesce(sum(l.amount_minor), 0) from ledger_entry l where l.order_id = o.id) ledger,"
                            + " (select coalesce(sum(c.amount_minor), 0) from capture c where c.order_id = o.id)"
                            + " - (select coalesce(sum(r.amount_minor), 0) from refund r where r.order_id = o.id"
                            + " and r.status = 'SUCCEEDED') kept from orders o"
                            + " where (select coalesce(sum(l.amount_minor), 0) from ledger_entry l where l.order_id = o.id)"
                            + " <> (select coalesce(sum(c.amount_minor), 0) from capture c where c.order_id = o.id)"
                            + " - (select coalesce(sum(r.amount_minor), 0) from refund r where r.order_id = o.id"
                            + " and r.status = 'SUCCEEDED')"));
            verdict.add("every callback the channels saw acknowledged is in the inbox exactly once",
                    Verdict.acknowledgedCallbacksInInbox(db, ledger));
            verdict.add("every legacy command the broker accepted was processed exactly once ("
                    + erp.accepted().size() + " accepted)", Verdict.legacyCommandsProcessedOnce(db, erp,
                    erp.drainReplies()));
            verdict.add("no transaction prepared in PostgreSQL", Verdict.rows(db,
                    "select gid, prepared from pg_prepared_xacts"));
            List<String> brokerPrepared = new ArrayList<>();
            int prepared = stack.admin().preparedTransactions();
            if (prepared != 0) brokerPrepared.add(prepared + " prepared transactions in the broker");
            verdict.add("no transaction prepared in the broker", brokerPrepared);
            verdict.add("every order settled: final state, refunds succeeded, no trade open on an unpaid order",
                    Verdict.rows(db, UNSETTLED));
            verdict.add("nothing left OPENING or REQUESTED", Verdict.rows(db,
                    "select 'attempt' what, out_trade_no, status from payment_attempt where status = 'OPENING'"
                            + " union all select 'refund', out_refund_no, status from refund where status = 'REQUESTED'"));
        }
        List<String> deadLetters = Verdict.deadLetters("127.0.0.1", options.brokerPort(),
                stack.settings().get("broker.user"), stack.settings().get("broker.password"));
        List<String> explained = deadLetters.stream().filter(Verdict::explained).toList();
        verdict.add("nothing on the dead-letter queue but legacy commands rejected while their order was in doubt ("
                + explained.size() + " such)", deadLetters.stream().filter(d -> !Verdict.explained(d)).toList());
        verdict.add("no part died without being killed", stack.unexpectedlyDown());
    }

    private void write(ChaosStack stack, List<Played> played, Kills kills, double drove, double settled, Portal portal,
                       LegacyErp erp) throws Exception {
        report.append("## Chaos run: ").append(options.orders()).append(" orders, ").append(options.clients())
                .append(" clients, two Payara Micro instances, seed ").append(options.seed()).append("\n\n");
        report.append("| kill | part | moment | at (s) | down (s) | settling again after (s) | prepared in PostgreSQL at the kill | prepared in the broker after restart | how the prepared ended |\n");
        report.append("|---|---|---|---|---|---|---|---|---|\n");
        int k = 1;
        for (Kills.Kill kill : kills.done()) {
            report.append(String.format("| %d | %s | %s | %.1f | %.1f | %s | %d | %s | %s |%n", k++, kill.part,
                    kill.moment, kill.atSeconds, kill.downSeconds,
                    kill.settlingAgainSeconds < 0 ? "not seen" : String.format("%.1f", kill.settlingAgainSeconds),
                    kill.preparedInDatabase, kill.preparedInBroker < 0 ? "-" : kill.preparedInBroker, kill.resolved));
        }
        report.append("\n| race | orders | PAID | CLOSED | REFUNDED | other |\n|---|---|---|---|---|---|\n");
        Map<Race, Map<String, Integer>> outcomes = new EnumMap<>(Race.class);
        try (Connection db = stack.connect()) {
            Map<String, String> status = new java.util.HashMap<>();
            for (String row : Verdict.rows(db, "select id, status from orders")) {
                String[] parts = row.split(" ");
                status.put(parts[0].substring(3), parts[1].substring(7));
            }
            for (Played p : played) {
                outcomes.computeIfAbsent(p.race(), r -> new TreeMap<>()).merge(status.getOrDefault(p.orderId(), "?"), 1,
                        Integer::sum);
            }
            outcomes.forEach((race, byStatus) -> {
                int all = byStatus.values().stream().mapToInt(Integer::intValue).sum();
                int paid = byStatus.getOrDefault("PAID", 0);
                int closed = byStatus.getOrDefault("CLOSED", 0);
                int refunded = byStatus.getOrDefault("REFUNDED", 0);
                report.append(String.format("| %s | %d | %d | %d | %d | %d |%n", race, all, paid, closed, refunded,
                        all - paid - closed - refunded));
            });
            report.append("\nCaptures by role: ").append(String.join(", ", Verdict.rows(db,
                    "select role, count(*) n from capture group by role order by role"))).append("; refunds: ")
                    .append(String.join(", ", Verdict.rows(db,
                            "select reason, status, count(*) n from refund group by reason, status order by reason")))
                    .append(".\n");
        }
        report.append(String.format("%nDriven in %.0f s (%.1f orders/s); every order settled after %s s; the portal"
                        + " retried %d requests on the other instance; the callback proxy forwarded %d callbacks and"
                        + " failed over %d times; the legacy system sent %d CreateOrder commands again after %d s"
                        + " without a reply%s.%n%n", drove, played.size() / drove,
                settled < 0 ? "(not within the bound)" : String.format("%.0f", settled), portal.retries(),
                stack.proxy().forwarded(), stack.proxy().failedOver(), erp.resentForWantOfAReply().size(),
                LegacyErp.RESEND_AFTER.toSeconds(), erp.resentForWantOfAReply().isEmpty() ? ""
                        : " (" + String.join(", ", erp.resentForWantOfAReply().stream().sorted().limit(5).toList()) + ")"));
        report.append("| check | violations | examples |\n|---|---|---|\n");
        for (Verdict.Check c : verdict.checks()) {
            report.append("| ").append(c.name()).append(" | ").append(c.violations()).append(" | ")
                    .append(String.join("; ", c.examples()).replace("|", "/")).append(" |\n");
        }
        report.append("\n").append(verdict.passed() ? "PASSED" : "FAILED").append("\n");
        Path file = options.workDir().resolve("chaos-report.md");
        Files.writeString(file, report.toString(), StandardCharsets.UTF_8);
    }
}
