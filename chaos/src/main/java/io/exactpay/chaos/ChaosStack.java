package io.exactpay.chaos;

import io.exactpay.server.BrokerProcess;
import io.exactpay.server.ChannelSandboxProcess;
import io.exactpay.server.DataDirectories;
import io.exactpay.server.DevelopmentTokens;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;
import io.exactpay.server.Settings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The system under chaos: PostgreSQL, the Artemis broker and the channel sandbox, each a process
 * of its own, and two Payara Micro instances with the application on that one database and broker,
 * each with its own HTTP port and root directory (so its own transaction log). Channels' callbacks
 * reach the instances through {@link CallbackProxy}. Every part can be killed with SIGKILL and
 * started again on its own data, as a supervisor would.
 *
 * <p>The sandbox is the channels' side of the money and stays out of the kills: it is the truth
 * that the run's books are compared with.
 */
final class ChaosStack implements AutoCloseable {

    /** One Payara Micro instance: its own settings (port, root directory), the same database and broker. */
    final class Instance {
        final String name;
        final Settings settings;
        private ServerFiles files;
        private volatile PayaraMicroProcess process;
        private volatile boolean expectedDown;

        Instance(String name, Settings settings) {
            this.name = name;
            this.settings = settings;
        }

        URI baseUri() {
            return URI.create("http://127.0.0.1:" + settings.get("http.port") + "/");
        }

        /**
         * Starts the instance and waits until it is ready. A start that does not get ready in 10 minutes
         * is reported with what the instance last answered, stopped and tried once more, as a
         * supervisor would; the second failure ends the run.
         */
        void start() throws Exception {
            try {
                startOnce();
            } catch (IllegalStateException notReady) {
                System.err.println("[chaos] payara-" + name + ": " + notReady.getMessage() + "; starting it again");
                dumpThreads();
                process.kill();
                startOnce();
            }
            expectedDown = false;
        }

        private void startOnce() throws Exception {
            process = PayaraMicroProcess.start(settings, files, options.payaraMicro(), options.jdbcDriver(),
                    options.war(), options.workDir().resolve("payara-" + name + ".log"));
            // Restarted on a loaded machine (two instances, the database, the broker, the run's
            // own clients on two cores), an instance has taken over six minutes to deploy.
            process.awaitReady(Duration.ofMinutes(10));
        }

        /**
         * Writes the instance's threads ({@code jstack}) beside its log before the supervisor kills it
         * for not getting ready: what a stuck instance waits on is what the next reader needs.
         */
        private void dumpThreads() {
            if (process == null || !process.isAlive()) return;
            Path dump = options.workDir().resolve("payara-" + name + "-not-ready-" + System.currentTimeMillis() + ".threads");
            try {
                Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                        "-l", Long.toString(process.pid()))
                        .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (!jstack.waitFor(2, TimeUnit.MINUTES)) jstack.destroyForcibly();
                System.err.println("[chaos] payara-" + name + ": threads written to " + dump);
            } catch (IOException e) {
                System.err.println("[chaos] payara-" + name + ": no thread dump (" + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void kill() throws InterruptedException {
            expectedDown = true;
            process.kill();
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process != null && process.isAlive();
        }

        boolean unexpectedlyDown() {
            return !expectedDown && process != null && !process.isAlive();
        }
    }

    private final ChaosOptions options;
    private final Settings settings;
    private final List<Instance> instances = new ArrayList<>();
    private volatile EmbeddedDatabase database;
    private volatile BrokerProcess broker;
    private ChannelSandboxProcess sandbox;
    private CallbackProxy proxy;
    private DevelopmentTokens tokens;
    private BrokerAdmin admin;

    ChaosStack(ChaosOptions options) {
        this.options = options;
        Map<String, String> shared = new HashMap<>();
        shared.put("data-dir", options.workDir().resolve("data").toString());
        shared.put("db.port", Integer.toString(options.dbPort()));
        shared.put("broker.port", Integer.toString(options.brokerPort()));
        shared.put("sandbox.port", Integer.toString(options.sandboxPort()));
        // The channel sandbox sends its callbacks to this address: the proxy in front of both instances.
        shared.put("http.port", Integer.toString(options.proxyPort()));
        shared.put("janitor.interval", "PT2S");
        shared.put("janitor.stale-after", "PT10S");
        shared.put("sandbox.time-factor", "0.1");
        shared.put("db.max-prepared-transactions", "128");
        shared.put("jms.later-delivery-ms", "5000");
        // The run's tokens are made once, at its start, and a full run takes over an hour.
        shared.put("jwt.max-token-age", "PT6H");
        this.settings = Settings.load(shared);
    }

    void start() throws Exception {
        DataDirectories.wipe(options.workDir());
        database = EmbeddedDatabase.start(settings);
        broker = BrokerProcess.start(settings, options.classPath(), options.workDir().resolve("broker.log"));
        admin = new BrokerAdmin("127.0.0.1", options.brokerPort(), settings.get("broker.user"),
                settings.get("broker.password"));
        tokens = DevelopmentTokens.loadOrCreate(settings);
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < options.httpPorts().size(); i++) {
            Map<String, String> own = new HashMap<>(settings.asMap());
            String name = String.valueOf((char) ('a' + i));
            own.put("data-dir", options.workDir().resolve("instance-" + name).toString());
            own.put("http.port", Integer.toString(options.httpPorts().get(i)));
            own.put("instance-name", "exactpay-" + name);
            own.put("callback-base-url", "http://127.0.0.1:" + options.proxyPort());
            own.put("jwt.public-key-location", DevelopmentTokens.publicKeyFile(settings.dataDir()).toUri().toString());
            Instance instance = new Instance(name, Settings.load(own));
            instances.add(instance);
            uris.add(instance.baseUri());
        }
        proxy = new CallbackProxy(options.proxyPort(), uris);
        sandbox = ChannelSandboxProcess.start(settings, options.classPath(), options.workDir().resolve("sandbox.log"));
        List<java.util.concurrent.Future<?>> starting = new ArrayList<>();
        java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newCachedThreadPool();
        for (Instance instance : instances) {
            instance.files = ServerFiles.write(instance.settings, instance.settings.dataDir().resolve("config"),
                    options.rar(), sandbox.channelSettings());
            // Side by side: Flyway serializes the schema migration under its own database lock.
            starting.add(starter.submit(() -> {
                instance.start();
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : starting) f.get();
        starter.shutdown();
    }

    List<Instance> instances() {
        return instances;
    }

    List<URI> instanceUris() {
        return instances.stream().map(Instance::baseUri).toList();
    }

    URI sandboxUri() {
        return sandbox.baseUri();
    }

    Settings settings() {
        return settings;
    }

    DevelopmentTokens tokens() {
        return tokens;
    }

    BrokerAdmin admin() {
        return admin;
    }

    CallbackProxy proxy() {
        return proxy;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + options.dbPort() + "/"
                + settings.get("db.name"), settings.get("db.user"), settings.get("db.password"));
    }

    void killBroker() throws InterruptedException {
        admin.close();
        broker.kill();
    }

    void startBroker() throws Exception {
        broker = BrokerProcess.start(settings, options.classPath(), options.workDir().resolve("broker.log"));
    }

    void killDatabase() throws Exception {
        database.kill();
    }

    /** Starts PostgreSQL on its data again; the old server's backends may take a moment to let go. */
    void startDatabase() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                database = EmbeddedDatabase.start(settings);
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) throw notYet;
                Thread.sleep(1_000);
            }
        }
    }

    /** Parts that died without being killed by the run: each is a finding. */
    List<String> unexpectedlyDown() {
        List<String> down = new ArrayList<>();
        for (Instance i : instances) if (i.unexpectedlyDown()) down.add("payara-" + i.name);
        return down;
    }

    Path workDir() {
        return options.workDir();
    }

    @Override
    public void close() {
        for (Instance instance : instances) {
            try {
                if (instance.process != null) instance.process.close();
            } catch (Exception e) {
                System.err.println("[chaos] stopping payara-" + instance.name + ": " + e);
            }
        }
        if (proxy != null) proxy.close();
        if (admin != null) admin.close();
        try {
            if (sandbox != null) sandbox.close();
            if (broker != null) broker.close();
            if (database != null) database.close();
        } catch (Exception e) {
            System.err.println("[chaos] stopping services: " + e);
        }
    }
}
