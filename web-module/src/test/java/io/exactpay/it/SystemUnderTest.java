package io.exactpay.it;

import io.exactpay.server.ChannelSandboxProcess;
import io.exactpay.server.DataDirectories;
import io.exactpay.server.DevelopmentTokens;
import io.exactpay.server.EmbeddedBroker;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.ServerFiles;
import io.exactpay.server.Settings;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The running system that the black-box helpers (Api, Broker, OrderDatabase, Invariants) talk to:
 * PostgreSQL, the broker and the channel sandbox, started here, with a development key pair for bearer
 * tokens, and an application server that a subclass starts for
 * its runtime (Payara Micro with the WAR, Payara Server with the EAR). Started once per test
 * session, before any test class is discovered, because Arquillian also runs test classes inside
 * a server; stopped when the session closes.
 */
public abstract class SystemUnderTest implements LauncherSessionListener {

    /** A durable subscription to the events address that the suites read events from. */
    public static final String EVENTS_QUEUE = "it.events";

    private static volatile SystemUnderTest current;

    private Settings settings;
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private ChannelSandboxProcess sandbox;
    private DevelopmentTokens tokens;

    public static SystemUnderTest get() {
        if (current == null) throw new IllegalStateException("The test stack is not running");
        return current;
    }

    @Override
    public final void launcherSessionOpened(LauncherSession session) {
        String workDir = System.getProperty("exactpay.it.work-dir");
        if (workDir == null) return; // not under the build's failsafe run
        try {
            ServerFiles files = startServices(Path.of(workDir), Path.of(System.getProperty("exactpay.it.rar")));
            startServer(files, Path.of(workDir));
            current = this;
        } catch (Exception e) {
            // The session's failure is reported far from its cause; show the cause at once.
            e.printStackTrace();
            stop();
            throw new IllegalStateException("Could not start the system under test", e);
        }
    }

    @Override
    public final void launcherSessionClosed(LauncherSession session) {
        current = null;
        stop();
    }

    /** Starts the application server from the server resources and waits until the application is ready. */
    protected abstract void startServer(ServerFiles files, Path workDir) throws Exception;

    /** Stops what {@link #startServer} started, also after it failed half way. */
    protected abstract void stopServer() throws Exception;

    /**
     * PostgreSQL, the broker and the channel sandbox on empty data; the server resources, with the
     * sandbox's channel settings, written for the server to start from.
     */
    private ServerFiles startServices(Path workDir, Path artemisRar) throws Exception {
        DataDirectories.wipe(workDir);
        settings = Settings.load();
        database = EmbeddedDatabase.start(settings);
        broker = EmbeddedBroker.start(settings);
        broker.server().createQueue(QueueConfiguration.of(EVENTS_QUEUE).setAddress("exactpay.events")
                .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        sandbox = ChannelSandboxProcess.start(settings, System.getProperty("exactpay.it.classpath"),
                workDir.resolve("sandbox.log"));
        // The suites sign their bearer tokens with the key pair the server is told to trust.
        tokens = DevelopmentTokens.loadOrCreate(settings);
        return ServerFiles.write(settings, workDir.resolve("config"), artemisRar, sandbox.channelSettings());
    }

    private void stop() {
        try {
            stopServer();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the application server", e);
        } finally {
            try {
                if (sandbox != null) sandbox.close();
                if (broker != null) broker.close();
                if (database != null) database.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop PostgreSQL or the broker", e);
            }
        }
    }

    public Settings settings() {
        return settings;
    }

    /** Signs bearer tokens that the server under test accepts. */
    public DevelopmentTokens tokens() {
        return tokens;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public URI sandboxUri() {
        return sandbox.baseUri();
    }

    public abstract URI baseUri();

    /** The operating-system processes of the stack: the application server, the sandbox, PostgreSQL, the broker. */
    public Map<String, Long> processes() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        serverPid().ifPresent(pid -> pids.put("application server", pid));
        pids.put("sandbox", sandbox.pid());
        pids.put("postgres", database.pid());
        pids.put("broker (in this JVM)", ProcessHandle.current().pid());
        return pids;
    }

    /** The application server's process id, when it runs as a child of the test JVM. */
    protected OptionalLong serverPid() {
        return OptionalLong.empty();
    }
}
