package io.exactpay.bench;

import io.exactpay.server.BrokerProcess;
import io.exactpay.server.ChannelSandboxProcess;
import io.exactpay.server.DataDirectories;
import io.exactpay.server.DevelopmentTokens;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;
import io.exactpay.server.Settings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End to end: payers each place an order, open a trade and pay it at the channel sandbox; 10% pay
 * the same order on both channels at once, 10% race the payment against their own cancel. Reports
 * settled payments per second, the time from a callback's intake to the commit that settled it and
 * from the payer's pay to PAID being visible over the API (HdrHistogram), CPU per settled payment
 * of each process, resident memory, and the invariant checker's verdict; then the raw XA ceiling
 * (Narayana, same database and broker) at the same concurrency. Writes Markdown and JSON to
 * {@code --report-dir}.
 */
public final class SettlementBench {

    private static final Set<String> FINAL = Set.of("PAID", "CLOSED", "REFUNDED");

    private enum Kind { SINGLE, BOTH_CHANNELS, RACING_CANCEL }

    private record Cell(int payers, double seconds, long orders, long settled, long stuck, long errors,
                        Histogram payToPaid, Histogram callbackToCommit, Map<String, Long> cpuMillis,
                        Map<String, Long> rssMegabytes, String waiting) {
        double settledPerSecond() {
            return settled / seconds;
        }
    }

    private record RawCell(int clients, double perSecond, double p50Millis, double p99Millis) {
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final URI sandbox;
    private final String portal;
    private final String support;
    private final Path jsonLog;
    /** Null: payers poll their orders over the API (--wait api), as a portal would. */
    private final FinalStates finalStates;

    private SettlementBench(Settings settings, URI api, URI sandbox, String portal, String support, Path jsonLog,
                            FinalStates finalStates) {
        this.settings = settings;
        this.api = api;
        this.sandbox = sandbox;
        this.portal = portal;
        this.support = support;
        this.jsonLog = jsonLog;
        this.finalStates = finalStates;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int[] payerCounts = Arrays.stream(options.getOrDefault("payers", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path reportDir = Path.of(options.getOrDefault("report-dir", "target"));
        String wait = options.getOrDefault("wait", "database");
        if (!Set.of("database", "api").contains(wait)) throw new IllegalArgumentException("--wait database|api");
        Settings settings = Settings.load();
        DataDirectories.wipe(settings.dataDir());

        Instant begin = Instant.now();
        String classPath = System.getProperty("java.class.path");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(settings);
             BrokerProcess broker = BrokerProcess.start(settings, classPath, settings.dataDir().resolve("broker.log"));
             ChannelSandboxProcess sandbox = ChannelSandboxProcess.start(settings, classPath,
                     settings.dataDir().resolve("sandbox.log"))) {
            DevelopmentTokens tokens = DevelopmentTokens.loadOrCreate(settings);
            ServerFiles files = ServerFiles.write(settings, settings.dataDir().resolve("config"),
                    Path.of(options.get("rar")), sandbox.channelSettings());
            try (PayaraMicroProcess payara = PayaraMicroProcess.start(settings, files, Path.of(options.get("payara-micro")),
                    Path.of(options.get("jdbc-driver")), Path.of(options.get("war")),
                    settings.dataDir().resolve("payara-console.log"))) {
                payara.awaitReady(Duration.ofMinutes(5));
                long readySeconds = Duration.between(begin, Instant.now()).toSeconds();
                System.out.printf("stack ready in %d s (PostgreSQL, Artemis, channel sandbox, Payara Micro)%n",
                        readySeconds);
                Map<String, Long> pids = new LinkedHashMap<>();
                pids.put("Payara Micro", payara.pid());
                pids.put("PostgreSQL", database.pid());
                pids.put("Artemis", broker.pid());
                pids.put("sandbox", sandbox.pid());
                pids.put("driver", ProcessHandle.current().pid());
                ProcessUsage usage = new ProcessUsage(pids, "PostgreSQL");
                long rssAtStart = usage.rssMegabytes().get("Payara Micro");

                FinalStates finalStates = wait.equals("database") ? new FinalStates(settings, 5, FINAL) : null;
                SettlementBench bench = new SettlementBench(settings, payara.baseUri().resolve("api/v1/"),
                        sandbox.baseUri(), tokens.portal("bench", Duration.ofHours(1)),
                        tokens.staff("bench-support", DevelopmentTokens.SUPPORT, Duration.ofHours(1)),
                        settings.jsonLogFile(), finalStates);
                System.out.println("warm-up: 2 payers, " + Math.min(10, seconds) + " s");
                bench.run(2, Math.min(10, seconds), usage, false);
                List<Cell> cells = new ArrayList<>();
                for (int payers : payerCounts) cells.add(bench.run(payers, seconds, usage, true));
                if (finalStates != null) finalStates.close();

                List<RawCell> raw = new ArrayList<>();
                try (RawXaLoop rawXa = new RawXaLoop(settings, settings.dataDir().resolve("raw-xa-tx-log"))) {
                    XaThroughput.measure(4, Math.min(5, seconds), rawXa::worker); // warm-up
                    for (int payers : payerCounts) {
                        var result = XaThroughput.measure(payers, seconds, rawXa::worker);
                        raw.add(new RawCell(payers, result.perSecond(), result.p50Micros() / 1000.0,
                                result.p99Micros() / 1000.0));
                        System.out.printf("raw XA, %d clients: %.1f tx/s%n", payers, result.perSecond());
                    }
                }
                JsonObject invariants = bench.invariants();
                long prepared = bench.preparedTransactions();
                Report report = new Report(readySeconds, rssAtStart, cells, raw, invariants, prepared,
                        Runtime.getRuntime().availableProcessors(), settings.get("broker.journal-buffer-timeout-ns"),
                        usage.names());
                System.out.println();
                System.out.println(report.markdown());
                Files.createDirectories(reportDir);
                Files.writeString(reportDir.resolve("settlement-report.md"), report.markdown());
                Files.writeString(reportDir.resolve("settlement-report.json"), report.json());
                System.out.println("report: " + reportDir.resolve("settlement-report.md") + " and .json");
                if (invariants.getInt("violations", -1) != 0 || prepared != 0) {
                    throw new IllegalStateException("money invariants violated or transactions left prepared: "
                            + invariants + ", prepared " + prepared);
                }
            }
        }
    }

    /** One cell: the payers pay for the given time; settled payments are counted in the database. */
    private Cell run(int payers, int seconds, ProcessUsage usage, boolean report) throws Exception {
        long logOffset = Files.exists(jsonLog) ? Files.size(jsonLog) : 0;
        // Every payer waits for its order to be final to go on (not to time it: see payToPaid):
        // told by the database watch, or polling the API at an interval that grows with the
        // payers so that polling stays near 400 requests/s.
        long pollMillis = 10L * Math.max(1, payers / 4);
        String waiting = finalStates != null ? "database every " + finalStates.intervalMillis() + " ms"
                : "API every " + pollMillis + " ms";
        Map<String, Long> payStarts = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> orderIds = new ConcurrentLinkedQueue<>();
        AtomicLong stuck = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long settledBefore = count("select count(*) from capture");
        Map<String, Long> cpuBefore = usage.cpuMillis();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(payers);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < payers; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        payOne(pollMillis, payStarts, orderIds, stuck);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 5) System.out.println("  payer error: " + e);
                    }
                }
                return null;
            }));
        }
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.min(2_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            double elapsed = (System.nanoTime() - start) / 1e9;
            long settled = count("select count(*) from capture") - settledBefore;
            System.out.printf("  %s%2d payers %5.1f/%d s: %6d orders, %6d payments settled, %7.1f/s%n",
                    report ? "" : "(warm-up) ", payers, elapsed, seconds, orderIds.size(), settled, settled / elapsed);
        }
        long settled = count("select count(*) from capture") - settledBefore;
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuAfter = usage.cpuMillis();
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        awaitQuiet();
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((name, ms) -> cpu.put(name, ms - cpuBefore.get(name)));
        Map<String, Long> commits = settlingCommits(logOffset);
        Histogram callbackToCommit = callbackToCommit(List.copyOf(orderIds), commits);
        Histogram payToPaid = payToPaid(payStarts, commits);
        Cell cell = new Cell(payers, elapsed, orderIds.size(), settled, stuck.get(), errors.get(), payToPaid,
                callbackToCommit, cpu, usage.rssMegabytes(), waiting);
        if (report) {
            System.out.printf("  => %d payers: %.1f settled payments/s, pay->PAID p50 %.1f ms p99 %.1f ms,"
                            + " callback->commit p50 %.1f ms p99 %.1f ms%n", payers, cell.settledPerSecond(),
                    millis(payToPaid, 50), millis(payToPaid, 99), millis(callbackToCommit, 50),
                    millis(callbackToCommit, 99));
        }
        return cell;
    }

    /** One payer's order, start to a final state. */
    private void payOne(long pollMillis, Map<String, Long> payStarts, ConcurrentLinkedQueue<String> orderIds,
                        AtomicLong stuck)
            throws Exception {
        double dice = ThreadLocalRandom.current().nextDouble();
        Kind kind = dice < 0.10 ? Kind.BOTH_CHANNELS : dice < 0.20 ? Kind.RACING_CANCEL : Kind.SINGLE;
        String no = "S-" + UUID.randomUUID();
        JsonObject order = json(send(post("orders", "{\"merchantOrderNo\":\"" + no + "\",\"amount\":100,"
                + "\"currency\":\"CNY\",\"subject\":\"bench\"}", portal).header("Idempotency-Key", no), 201));
        String id = order.getString("id");
        orderIds.add(id);
        boolean wechat = kind == Kind.BOTH_CHANNELS || ThreadLocalRandom.current().nextBoolean();
        String first = openTrade(id, wechat ? "WECHAT_PAY" : "ALIPAY");
        String second = kind == Kind.BOTH_CHANNELS ? openTrade(id, "ALIPAY") : null;

        long t0 = System.nanoTime();
        if (kind != Kind.RACING_CANCEL) payStarts.put(id, epochMicros());
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        calls.add(pay(wechat ? "wechatpay" : "alipay", first));
        if (second != null) calls.add(pay("alipay", second));
        if (kind == Kind.RACING_CANCEL) {
            calls.add(http.sendAsync(post("orders/" + id + "/cancel", "{\"reason\":\"PAYER_REQUEST\"}", portal).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) call.join();

        if (finalStates != null) {
            try {
                finalStates.of(id).get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                finalStates.forget(id);
                stuck.incrementAndGet();
            }
            return;
        }
        long giveUp = t0 + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < giveUp) {
            String status = json(send(get("orders/" + id, portal), 200)).getString("status");
            if (FINAL.contains(status)) return;
            Thread.sleep(pollMillis);
        }
        stuck.incrementAndGet();
    }

    private String openTrade(String orderId, String channel) throws Exception {
        return json(send(post("orders/" + orderId + "/payments", "{\"channel\":\"" + channel + "\"}", portal), 201))
                .getString("outTradeNo");
    }

    private CompletableFuture<HttpResponse<String>> pay(String channel, String outTradeNo) {
        return http.sendAsync(HttpRequest.newBuilder(sandbox.resolve("sandbox/pay")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"" + channel + "\",\"outTradeNo\":\""
                        + outTradeNo + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /**
     * When each capture's settling transaction committed, by "orderId/role": the time of the JSON
     * log's CAPTURE_* line, which the server writes at that commit (millisecond precision).
     */
    private Map<String, Long> settlingCommits(long logOffset) throws IOException {
        Map<String, Long> committed = new HashMap<>();
        try (RandomAccessFile file = new RandomAccessFile(jsonLog.toFile(), "r")) {
            file.seek(logOffset);
            byte[] rest = new byte[(int) (file.length() - logOffset)];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (!line.contains("\"CAPTURE_")) continue;
                JsonObject entry = json(line);
                String outcome = entry.getString("outcome", "");
                if (!outcome.startsWith("CAPTURE_")) continue;
                committed.put(entry.getString("orderId") + "/" + outcome.substring("CAPTURE_".length()),
                        Instant.parse(entry.getString("time")).toEpochMilli());
            }
        }
        return committed;
    }

    /**
     * The payer's pay at the channel to the commit that made the order PAID (its PRIMARY capture):
     * from then on every read sees PAID. Same machine, same clock for both ends.
     */
    private static Histogram payToPaid(Map<String, Long> payStarts, Map<String, Long> commits) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        payStarts.forEach((orderId, startMicros) -> {
            Long commitMillis = commits.get(orderId + "/PRIMARY");
            if (commitMillis != null) histogram.recordValue(Math.max(1, commitMillis * 1000 - startMicros));
        });
        return histogram;
    }

    /** Intake (the inbox row's time) to the commit that settled the capture, for the given orders' captures. */
    private Histogram callbackToCommit(List<String> orderIds, Map<String, Long> committed) throws Exception {
        Histogram histogram = new Histogram(60_000_000L, 3);
        try (Connection c = BenchDatabase.connect(settings);
             PreparedStatement q = c.prepareStatement("select c.order_id::text, c.role,"
                     + " (extract(epoch from i.received_at) * 1000000)::bigint from capture c join callback_inbox i"
                     + " on i.channel = c.channel and i.channel_txn_id = c.channel_txn_id"
                     + " and i.event_type = 'PAYMENT_CAPTURED' where c.order_id = any(?::uuid[])")) {
            Array ids = c.createArrayOf("text", orderIds.toArray());
            q.setArray(1, ids);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    Long commitMillis = committed.get(rows.getString(1) + "/" + rows.getString(2));
                    if (commitMillis == null) continue;
                    histogram.recordValue(Math.max(1, commitMillis * 1000 - rows.getLong(3)));
                }
            }
        }
        return histogram;
    }

    /** Until the duplicates' and late payments' refunds have settled and no order is on its way. */
    private void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (count("select (select count(*) from refund where status in ('REQUESTED', 'SUBMITTED'))"
                    + " + (select count(*) from orders where status in ('CLOSING', 'REFUNDING'))") == 0) return;
            Thread.sleep(250);
        }
        System.out.println("  (still settling refunds or closes after 90 s; going on)");
    }

    JsonObject invariants() throws Exception {
        return json(send(get("admin/invariants", support), 200));
    }

    long preparedTransactions() throws Exception {
        return count("select count(*) from pg_prepared_xacts");
    }

    private long count(String sql) throws Exception {
        try (Connection c = BenchDatabase.connect(settings); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private HttpRequest.Builder post(String path, String body, String token) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder get(String path, String token) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET();
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().uri() + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("Unexpected argument " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"war", "rar", "payara-micro", "jdbc-driver"}) {
            if (!options.containsKey(required)) throw new IllegalArgumentException("Missing --" + required);
        }
        return options;
    }

    /** The run's figures as a Markdown table and as JSON. */
    private record Report(long readySeconds, long payaraRssAtStart, List<Cell> cells, List<RawCell> raw,
                          JsonObject invariants, long prepared, int cpus, String journalBufferTimeout,
                          Iterable<String> processes) {

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("## Settlement benchmark\n\n");
            md.append(String.format(Locale.ROOT, "Stack ready in %d s; Payara Micro RSS after start %d MB; %d CPUs;"
                    + " broker journal-buffer-timeout %s ns.%n%n", readySeconds, payaraRssAtStart, cpus,
                    journalBufferTimeout));
            md.append("| payers | s | orders | settled | settled/s | raw XA tx/s | ratio | pay→PAID p50 / p95 / p99 / max ms"
                    + " | callback→commit p50 / p95 / p99 / max ms | stuck | errors |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|\n");
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                RawCell r = i < raw.size() ? raw.get(i) : null;
                md.append(String.format(Locale.ROOT, "| %d | %.0f | %d | %d | %.1f | %s | %s | %s | %s | %d | %d |%n",
                        c.payers(), c.seconds(), c.orders(), c.settled(), c.settledPerSecond(),
                        r == null ? "-" : String.format(Locale.ROOT, "%.1f", r.perSecond()),
                        r == null ? "-" : String.format(Locale.ROOT, "%.3f", c.settledPerSecond() / r.perSecond()),
                        quantiles(c.payToPaid()), quantiles(c.callbackToCommit()), c.stuck(), c.errors()));
            }
            md.append("\nsettled: captures committed in the cell; ratio: settled/s over the raw XA ceiling's tx/s at the"
                    + " same concurrency. pay→PAID: the payer's pay request to the commit that made the order PAID;"
                    + " callback→commit: the callback's intake to the commit that settled its capture (both ends on"
                    + " one clock; commit times from the server's JSON log, to the millisecond). 10% of the orders"
                    + " are paid on both channels at once, 10% race their own cancel. Payers learn that their order"
                    + " is final from: " + (cells.isEmpty() ? "-" : cells.get(0).waiting()) + ".\n");
            md.append("\nCPU ms per settled payment, and resident memory (MB) at the end of each cell:\n\n| payers |");
            for (String p : processes) md.append(' ').append(p).append(" |");
            md.append(" total |");
            for (String p : processes) md.append(' ').append(p).append(" RSS |");
            md.append("\n|---:|");
            for (String p : processes) md.append("---:|---:|");
            md.append("---:|\n");
            for (Cell c : cells) {
                md.append("| ").append(c.payers()).append(" |");
                long total = 0;
                for (String p : processes) {
                    total += c.cpuMillis().get(p);
                    md.append(String.format(Locale.ROOT, " %.1f |", perPayment(c, c.cpuMillis().get(p))));
                }
                md.append(String.format(Locale.ROOT, " %.1f |", perPayment(c, total)));
                for (String p : processes) md.append(' ').append(c.rssMegabytes().get(p)).append(" |");
                md.append('\n');
            }
            md.append(String.format(Locale.ROOT, "%nRaw XA ceiling (Narayana, PGXADataSource + Artemis XA session:"
                    + " select for update, insert, update, one 500-byte persistent send):%n%n"
                    + "| clients | tx/s | p50 ms | p99 ms |%n|---:|---:|---:|---:|%n"));
            for (RawCell r : raw) {
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %.2f | %.2f |%n", r.clients(), r.perSecond(),
                        r.p50Millis(), r.p99Millis()));
            }
            md.append(String.format(Locale.ROOT, "%nInvariant checker (every order in the database): %d violations;"
                    + " prepared transactions left in PostgreSQL: %d.%n", invariants.getInt("violations", -1), prepared));
            return md.toString();
        }

        private static double perPayment(Cell c, long cpuMillis) {
            return c.settled() == 0 ? Double.NaN : (double) cpuMillis / c.settled();
        }

        private static String quantiles(Histogram h) {
            return String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", millis(h, 50), millis(h, 95), millis(h, 99),
                    h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0);
        }

        String json() {
            var cellsJson = Json.createArrayBuilder();
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                var cpu = Json.createObjectBuilder();
                c.cpuMillis().forEach(cpu::add);
                var rss = Json.createObjectBuilder();
                c.rssMegabytes().forEach(rss::add);
                var cell = Json.createObjectBuilder().add("payers", c.payers()).add("seconds", c.seconds())
                        .add("orders", c.orders()).add("settled", c.settled())
                        .add("settledPerSecond", c.settledPerSecond()).add("stuck", c.stuck()).add("errors", c.errors())
                        .add("payToPaidMillis", histogram(c.payToPaid())).add("waiting", c.waiting())
                        .add("callbackToCommitMillis", histogram(c.callbackToCommit()))
                        .add("cpuMillis", cpu).add("rssMegabytes", rss);
                if (i < raw.size()) cell.add("rawXaPerSecond", raw.get(i).perSecond());
                cellsJson.add(cell);
            }
            var rawJson = Json.createArrayBuilder();
            for (RawCell r : raw) {
                rawJson.add(Json.createObjectBuilder().add("clients", r.clients()).add("perSecond", r.perSecond())
                        .add("p50Millis", r.p50Millis()).add("p99Millis", r.p99Millis()));
            }
            return Json.createObjectBuilder().add("readySeconds", readySeconds).add("payaraRssAtStartMegabytes",
                            payaraRssAtStart).add("cpus", cpus).add("journalBufferTimeoutNanos", journalBufferTimeout)
                    .add("cells", cellsJson).add("rawXa", rawJson).add("invariants", invariants)
                    .add("preparedTransactions", prepared).build().toString();
        }

        private static jakarta.json.JsonObjectBuilder histogram(Histogram h) {
            var b = Json.createObjectBuilder().add("count", h.getTotalCount());
            if (h.getTotalCount() > 0) {
                b.add("p50", millis(h, 50)).add("p95", millis(h, 95)).add("p99", millis(h, 99))
                        .add("max", h.getMaxValue() / 1000.0);
            }
            return b;
        }
    }
}
