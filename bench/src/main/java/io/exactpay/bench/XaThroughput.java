package io.exactpay.bench;

import io.exactpay.server.ChannelSandboxProcess;
import io.exactpay.server.DataDirectories;
import io.exactpay.server.DevelopmentTokens;
import io.exactpay.server.EmbeddedBroker;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;
import io.exactpay.server.Settings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * XA transactions per second of the platform slice (POST /api/v1/orders: a JPA insert and a JMS
 * send committed together over PostgreSQL and Artemis) at several client counts, next to a raw
 * JDBC two-phase-commit loop (PREPARE TRANSACTION / COMMIT PREPARED) on the same database in the
 * same run. Starts its own stack in a fresh data directory, on its own ports.
 */
public final class XaThroughput {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private XaThroughput() {
    }

    /** One unit of work, returning normally when it committed. */
    interface Transaction {
        void run() throws Exception;
    }

    /** What a worker owns for the run: its connection, say. */
    interface Worker extends AutoCloseable {
        Transaction transaction();

        @Override
        void close() throws Exception;
    }

    interface WorkerFactory {
        Worker create() throws Exception;
    }

    record Result(int clients, long transactions, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return transactions / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int[] clientCounts = Arrays.stream(options.getOrDefault("clients", "1,4,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Settings settings = Settings.load();
        DataDirectories.wipe(settings.dataDir());

        Instant begin = Instant.now();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(settings);
             EmbeddedBroker broker = EmbeddedBroker.start(settings)) {
            ChannelSandboxProcess sandbox = ChannelSandboxProcess.start(settings,
                    System.getProperty("java.class.path"), settings.dataDir().resolve("sandbox.log"));
            DevelopmentTokens tokens = DevelopmentTokens.loadOrCreate(settings);
            ServerFiles files = ServerFiles.write(settings, settings.dataDir().resolve("config"),
                    Path.of(options.get("rar")), sandbox.channelSettings());
            try (PayaraMicroProcess payara = PayaraMicroProcess.start(settings, files, Path.of(options.get("payara-micro")),
                    Path.of(options.get("jdbc-driver")), Path.of(options.get("war")),
                    settings.dataDir().resolve("payara-console.log"))) {
                payara.awaitReady(Duration.ofMinutes(5));
                System.out.printf("stack ready in %d s (PostgreSQL, Artemis, Payara Micro)%n",
                        Duration.between(begin, Instant.now()).toSeconds());
                System.out.printf("Payara Micro RSS after start: %d MB%n", rssMegabytes(payara.pid()));
                System.out.printf("broker journal-buffer-timeout: %s ns%n", settings.get("broker.journal-buffer-timeout-ns"));
                createRawTable(settings);

                URI orders = payara.baseUri().resolve("api/v1/orders");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                String token = tokens.portal("bench", Duration.ofHours(12));
                WorkerFactory slice = () -> workerOf(() -> placeOrder(http, orders, token));
                WorkerFactory raw = () -> rawTwoPhaseWorker(settings);
                try (RawXaLoop rawXa = new RawXaLoop(settings, settings.dataDir().resolve("raw-xa-tx-log"))) {
                    WorkerFactory xa = rawXa::worker;

                    measure(4, Math.min(10, seconds), slice); // warm-up: JIT, pools, caches
                    measure(4, Math.min(5, seconds), raw);
                    measure(4, Math.min(5, seconds), xa);
                    List<Result[]> rows = new ArrayList<>();
                    for (int clients : clientCounts) {
                        rows.add(new Result[] {measure(clients, seconds, slice), measure(clients, seconds, raw),
                                measure(clients, seconds, xa)});
                    }
                    System.out.printf("Payara Micro RSS after the run: %d MB%n", rssMegabytes(payara.pid()));
                    print(rows, seconds);
                }
            } finally {
                sandbox.close();
            }
        }
    }

    private static void placeOrder(HttpClient http, URI orders, String token) throws IOException, InterruptedException {
        String body = "{\"merchantOrderNo\":\"B-" + UUID.randomUUID() + "\",\"amount\":100,\"currency\":\"CNY\","
                + "\"subject\":\"bench\"}";
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) throw new IllegalStateException("HTTP " + response.statusCode());
    }

    private static Worker workerOf(Transaction transaction) {
        return new Worker() {
            @Override
            public Transaction transaction() {
                return transaction;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Connection connect(Settings s) throws Exception {
        return BenchDatabase.connect(s);
    }

    private static void createRawTable(Settings settings) throws Exception {
        try (Connection c = connect(settings); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_two_phase (id bigserial primary key, payload text not null)");
        }
    }

    /** The same database, the same durability, one insert per transaction, committed in two phases. */
    private static Worker rawTwoPhaseWorker(Settings settings) throws Exception {
        Connection c = connect(settings);
        PreparedStatement insert = c.prepareStatement("insert into bench_two_phase (payload) values (?)");
        Statement statement = c.createStatement();
        Transaction transaction = () -> {
            String gid = "bench-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID();
            c.setAutoCommit(false);
            insert.setString(1, gid);
            insert.executeUpdate();
            statement.execute("PREPARE TRANSACTION '" + gid + "'");
            c.setAutoCommit(true);
            statement.execute("COMMIT PREPARED '" + gid + "'");
        };
        return new Worker() {
            @Override
            public Transaction transaction() {
                return transaction;
            }

            @Override
            public void close() throws Exception {
                c.close();
            }
        };
    }

    static Result measure(int clients, int seconds, WorkerFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (Worker worker = factory.create()) {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        worker.transaction().run();
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) for (long v : f.get()) all.add(v);
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        all.sort(Comparator.naturalOrder());
        return new Result(clients, all.size(), elapsed, percentile(all, 0.50) / 1000, percentile(all, 0.99) / 1000);
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static void print(List<Result[]> rows, int seconds) {
        System.out.printf("%nXA throughput, %d s per cell (slice = POST /api/v1/orders: JPA insert + JMS send, XA over"
                + " PostgreSQL and Artemis; 2pc = JDBC insert + PREPARE TRANSACTION + COMMIT PREPARED; raw XA ="
                + " Narayana over PGXADataSource and an Artemis XA session: select for update, insert, update and one"
                + " 500-byte persistent send)%n", seconds);
        System.out.printf("%8s %11s %9s %9s %10s %9s %10s %9s %9s %12s%n", "clients", "slice tx/s", "p50 ms", "p99 ms",
                "2pc tx/s", "p50 ms", "raw XA/s", "p50 ms", "p99 ms", "slice/rawXA");
        for (Result[] row : rows) {
            Result slice = row[0];
            Result raw = row[1];
            Result xa = row[2];
            System.out.printf("%8d %11.1f %9.2f %9.2f %10.1f %9.2f %10.1f %9.2f %9.2f %12.3f%n", slice.clients(),
                    slice.perSecond(), slice.p50Micros() / 1000.0, slice.p99Micros() / 1000.0, raw.perSecond(),
                    raw.p50Micros() / 1000.0, xa.perSecond(), xa.p50Micros() / 1000.0, xa.p99Micros() / 1000.0,
                    slice.perSecond() / xa.perSecond());
        }
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
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
}
