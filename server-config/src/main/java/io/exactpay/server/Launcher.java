package io.exactpay.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole system on embedded defaults: PostgreSQL, the Artemis broker, the channel sandbox
 * and Payara Micro with the application, each a process of its own, until Ctrl-C. A part that dies
 * is started again on its own data ({@link Supervisor}). With {@code db.embedded=false} or {@code broker.embedded=false}
 * it uses the external services named in the settings instead.
 *
 * <p>Arguments (the build passes them): {@code --war}, {@code --rar}, {@code --payara-micro},
 * {@code --jdbc-driver}, each a file path.
 */
public final class Launcher {

    /** The client of the portal token the launcher writes. */
    static final String DEMO_CLIENT = "demo-portal";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Path> files = parse(args);
        Settings settings = Settings.load();
        // Before anything listens: a development password never goes beyond loopback.
        try {
            PasswordRule.require(settings);
        } catch (IllegalStateException refused) {
            System.err.println("[exactpay] " + refused.getMessage());
            System.exit(2);
        }
        Instant started = Instant.now();
        Supervisor supervisor = new Supervisor(settings.dataDir());
        // The parts as they run now: a restarted part replaces its entry. Stopped in reverse order.
        Map<String, AutoCloseable> running = new ConcurrentHashMap<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.stop();
            stopAll(running);
        }, "exactpay-shutdown"));
        String classPath = System.getProperty("java.class.path");
        Path dataDir = settings.dataDir();

        supervisor.stopLeftovers("payara", dataDir.resolve("payara").toString());
        supervisor.stopLeftovers("sandbox", ChannelSandboxProcess.MAIN_CLASS);
        supervisor.stopLeftovers("broker", EmbeddedBroker.class.getName());
        supervisor.stopLeftovers("postgres", dataDir.resolve("postgres").toString());
        keepSecretsOwnerOnly(settings);

        if (settings.getBoolean("db.embedded")) {
            Supervisor.Start startDatabase = () -> {
                AutoCloseable old = running.remove("postgres");
                if (old instanceof EmbeddedDatabase gone) gone.kill(); // releases the dead server's lock
                EmbeddedDatabase database = EmbeddedDatabase.start(settings);
                supervisor.remember("postgres", database.pid());
                running.put("postgres", database);
                return database;
            };
            startDatabase.start();
            supervisor.watch("PostgreSQL", () -> alive(running.get("postgres")), startDatabase);
            log("PostgreSQL on " + settings.get("db.host") + ":" + settings.get("db.port"));
        }
        if (settings.getBoolean("broker.embedded")) {
            Supervisor.Start startBroker = () -> {
                BrokerProcess broker = BrokerProcess.start(settings, classPath, dataDir.resolve("broker.log"));
                supervisor.remember("broker", broker.pid());
                running.put("broker", broker);
                return broker;
            };
            startBroker.start();
            supervisor.watch("the broker", () -> ((BrokerProcess) running.get("broker")).isAlive(), startBroker);
            log("Artemis on tcp://" + settings.get("broker.host") + ":" + settings.get("broker.port") + ", log in "
                    + dataDir.resolve("broker.log"));
        }
        Map<String, String> channels = Map.of();
        if (settings.getBoolean("sandbox.enabled")) {
            Supervisor.Start startSandbox = () -> {
                ChannelSandboxProcess sandbox = ChannelSandboxProcess.start(settings, classPath,
                        dataDir.resolve("sandbox.log"));
                supervisor.remember("sandbox", sandbox.pid());
                running.put("sandbox", sandbox);
                return sandbox;
            };
            ChannelSandboxProcess sandbox = (ChannelSandboxProcess) startSandbox.start();
            supervisor.watch("the channel sandbox", () -> ((ChannelSandboxProcess) running.get("sandbox")).isAlive(),
                    startSandbox);
            channels = sandbox.channelSettings();
            log("Channel sandbox (test and demo tool) on " + sandbox.baseUri() + ", log in "
                    + dataDir.resolve("sandbox.log"));
        }
        // Before the server files: they name the public key the server verifies tokens with.
        DevelopmentTokens tokens = settings.developmentTokens() ? DevelopmentTokens.loadOrCreate(settings) : null;
        ServerFiles serverFiles = ServerFiles.write(settings, dataDir.resolve("config"), files.get("rar"), channels);
        Supervisor.Start startPayara = () -> {
            PayaraMicroProcess payara = PayaraMicroProcess.start(settings, serverFiles, files.get("payara-micro"),
                    files.get("jdbc-driver"), files.get("war"));
            supervisor.remember("payara", payara.pid());
            running.put("payara", payara);
            payara.awaitReady(Duration.ofMinutes(5));
            return payara;
        };
        PayaraMicroProcess payara = (PayaraMicroProcess) startPayara.start();
        supervisor.watch("Payara Micro", () -> ((PayaraMicroProcess) running.get("payara")).isAlive(), startPayara);

        log("ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
        log("API      " + payara.baseUri().resolve("api/v1/orders"));
        log("OpenAPI  " + payara.baseUri().resolve("openapi"));
        log("Health   " + payara.baseUri().resolve("health"));
        log("Metrics  " + payara.baseUri().resolve("metrics") + " (admin token)");
        log("Console  " + payara.baseUri().resolve("console/") + " (support and admin: sign in with a staff token)");
        log("Data in  " + dataDir + "; Ctrl-C stops everything. A part that dies is started again on its own data.");
        if (tokens != null) writeTokens(tokens, settings, payara);
        else log("Bearer tokens from " + settings.get("jwt.issuer") + ", verified with " + settings.jwtPublicKeyLocation());
        String end = supervisor.superviseUntilStopped();
        log(end);
        if (!end.equals("stopped")) System.exit(1);
    }

    private static boolean alive(AutoCloseable database) {
        try {
            return database instanceof EmbeddedDatabase d && ProcessHandle.of(d.pid()).map(ProcessHandle::isAlive).orElse(false);
        } catch (java.io.IOException noPidFile) {
            return false;
        }
    }

    /**
     * The directories that hold keys and passwords are the server user's alone. What an earlier
     * version left readable by others is made owner-only and reported rather than refused: the
     * files are the server's own, tightening them is always safe, and a refusal would only stop an
     * upgrade. The warning says that the keys may have been read, so that they can be replaced.
     */
    static void keepSecretsOwnerOnly(Settings settings) throws java.io.IOException {
        Path data = settings.dataDir();
        for (Path dir : List.of(data.resolve("config"), data.resolve("sandbox-keys"), DevelopmentTokens.keyDir(data))) {
            List<Path> changed = OwnerOnlyFiles.tighten(dir);
            if (!changed.isEmpty()) {
                log("WARNING: " + changed.size() + " file(s) in " + dir + " were readable by other users and are now"
                        + " owner-only; if others could log in here, delete " + dir + " to get new keys");
            }
        }
    }

    /**
     * Development tokens for the demo, signed with the data directory's own key. They live no
     * longer than the server accepts a token ({@code jwt.max-token-age}), so the file is written
     * again every half of that; only the path is printed, never a staff token.
     */
    private static void writeTokens(DevelopmentTokens tokens, Settings settings, PayaraMicroProcess payara)
            throws java.io.IOException {
        Duration lifetime = settings.maxTokenAge();
        Path file = tokens.writeTokenFile(settings.dataDir(), DEMO_CLIENT, lifetime);
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "exactpay-token-renewal");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lifetime.toSeconds() / 2);
        renewal.scheduleAtFixedRate(() -> {
            try {
                tokens.writeTokenFile(settings.dataDir(), DEMO_CLIENT, lifetime);
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("[exactpay] renewing the development tokens in " + file + " failed: " + e);
            }
        }, every, every, TimeUnit.SECONDS);
        log("Bearer tokens, development only (portal client " + DEMO_CLIENT + ", support, admin), valid "
                + lifetime.toMinutes() + " minutes and renewed every " + every / 60 + " minutes, in " + file
                + " (owner-only). Load them with: . " + file + "; a Prometheus scrape job reads the admin token from "
                + DevelopmentTokens.scrapeTokenFile(settings.dataDir()));
        log("  curl -s -X POST " + payara.baseUri().resolve("api/v1/orders")
                + " -H \"Authorization: Bearer $EXACTPAY_PORTAL_TOKEN\""
                + " -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1001'"
                + " -d '{\"merchantOrderNo\":\"M-1001\",\"amount\":1999,\"currency\":\"CNY\",\"subject\":\"Green tea\"}'");
    }

    private static Map<String, Path> parse(String[] args) {
        Map<String, Path> files = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("Unexpected argument " + args[i]);
            files.put(args[i].substring(2), Path.of(args[i + 1]).toAbsolutePath());
        }
        for (String required : new String[] {"war", "rar", "payara-micro", "jdbc-driver"}) {
            if (!files.containsKey(required)) throw new IllegalArgumentException("Missing --" + required);
        }
        return files;
    }

    private static void stopAll(Map<String, AutoCloseable> running) {
        for (String name : new String[] {"payara", "sandbox", "broker", "postgres"}) {
            AutoCloseable next = running.remove(name);
            if (next == null) continue;
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("[exactpay] stopping " + name + " failed: " + e);
            }
        }
        log("stopped");
    }

    private static void log(String message) {
        System.out.println("[exactpay] " + message);
    }
}
