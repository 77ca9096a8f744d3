package io.exactpay.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the whole system on embedded defaults: PostgreSQL, the Artemis broker and Payara Micro with
 * the application, until Ctrl-C. With {@code db.embedded=false} or {@code broker.embedded=false}
 * it uses the external services named in the settings instead.
 *
 * <p>Arguments (the build passes them): {@code --war}, {@code --rar}, {@code --payara-micro},
 * {@code --jdbc-driver}, each a file path.
 */
public final class Launcher {

    /** The client whose portal token the launcher prints. */
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
        Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running), "exactpay-shutdown"));
        keepSecretsOwnerOnly(settings);

        if (settings.getBoolean("db.embedded")) {
            running.push(EmbeddedDatabase.start(settings));
            log("PostgreSQL on " + settings.get("db.host") + ":" + settings.get("db.port"));
        }
        if (settings.getBoolean("broker.embedded")) {
            running.push(EmbeddedBroker.start(settings));
            log("Artemis on tcp://" + settings.get("broker.host") + ":" + settings.get("broker.port"));
        }
        Map<String, String> channels = Map.of();
        if (settings.getBoolean("sandbox.enabled")) {
            ChannelSandboxProcess sandbox = ChannelSandboxProcess.start(settings,
                    System.getProperty("java.class.path"), settings.dataDir().resolve("sandbox.log"));
            running.push(sandbox);
            channels = sandbox.channelSettings();
            log("Channel sandbox (test and demo tool) on " + sandbox.baseUri() + ", log in "
                    + settings.dataDir().resolve("sandbox.log"));
        }
        // Before the server files: they name the public key the server verifies tokens with.
        DevelopmentTokens tokens = settings.developmentTokens() ? DevelopmentTokens.loadOrCreate(settings) : null;
        ServerFiles serverFiles = ServerFiles.write(settings, settings.dataDir().resolve("config"), files.get("rar"),
                channels);
        PayaraMicroProcess payara = PayaraMicroProcess.start(settings, serverFiles,
                files.get("payara-micro"), files.get("jdbc-driver"), files.get("war"));
        running.push(payara);
        payara.awaitReady(Duration.ofMinutes(5));

        log("ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
        log("API      " + payara.baseUri().resolve("api/v1/orders"));
        log("OpenAPI  " + payara.baseUri().resolve("openapi"));
        log("Health   " + payara.baseUri().resolve("health"));
        log("Metrics  " + payara.baseUri().resolve("metrics"));
        log("Data in  " + settings.dataDir() + "; Ctrl-C stops everything.");
        if (tokens != null) printTokens(tokens, settings, payara);
        else log("Bearer tokens from " + settings.get("jwt.issuer") + ", verified with " + settings.jwtPublicKeyLocation());
        int exit = payara.waitFor();
        log("Payara Micro exited with code " + exit);
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

    /** Development tokens for the demo: long-lived, signed with the data directory's own key. */
    private static void printTokens(DevelopmentTokens tokens, Settings settings, PayaraMicroProcess payara) {
        Duration lifetime = Duration.ofDays(365);
        String portal = tokens.portal(DEMO_CLIENT, lifetime);
        log("Bearer tokens, development only (valid " + lifetime.toDays() + " days, signed by the key pair in "
                + DevelopmentTokens.publicKeyFile(settings.dataDir()).getParent() + "):");
        log("  portal (client " + DEMO_CLIENT + "): " + portal);
        log("  support: " + tokens.staff("support", DevelopmentTokens.SUPPORT, lifetime));
        log("  admin:   " + tokens.staff("admin", DevelopmentTokens.ADMIN, lifetime));
        log("  curl -s -X POST " + payara.baseUri().resolve("api/v1/orders") + " -H 'Authorization: Bearer " + portal
                + "' -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1001'"
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

    private static void stopAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("[exactpay] stopping " + next.getClass().getSimpleName() + " failed: " + e);
            }
        }
        log("stopped");
    }

    private static void log(String message) {
        System.out.println("[exactpay] " + message);
    }
}
