package io.exactpay.it;

import io.exactpay.server.ChannelSandboxProcess;
import io.exactpay.server.DataDirectories;
import io.exactpay.server.EmbeddedBroker;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;
import io.exactpay.server.Settings;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The system under test, started once per test session exactly as the run command starts it:
 * PostgreSQL, the Artemis broker and Payara Micro with the application WAR, on the ports that the
 * build gives the suite. The Arquillian suite deploys a second instance beside it, on the same
 * database and broker, as scale-out would.
 */
public class ExactPayStack implements LauncherSessionListener {

    /** A durable subscription to the events address that the suites read events from. */
    public static final String EVENTS_QUEUE = "it.events";

    private static volatile ExactPayStack current;

    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private PayaraMicroProcess payara;
    private ServerFiles serverFiles;
    private ChannelSandboxProcess sandbox;
    private Settings settings;

    public static ExactPayStack get() {
        if (current == null) throw new IllegalStateException("The test stack is not running");
        return current;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("exactpay.it.war") == null) return; // not under the build's failsafe run
        try {
            start();
            current = this;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the test stack", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
        current = null;
    }

    private void start() throws Exception {
        Path workDir = Path.of(System.getProperty("exactpay.it.work-dir"));
        DataDirectories.wipe(workDir);
        settings = Settings.load();
        database = EmbeddedDatabase.start(settings);
        broker = EmbeddedBroker.start(settings);
        broker.server().createQueue(QueueConfiguration.of(EVENTS_QUEUE).setAddress("exactpay.events")
                .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        sandbox = ChannelSandboxProcess.start(settings, System.getProperty("exactpay.it.classpath"),
                workDir.resolve("sandbox.log"));
        serverFiles = ServerFiles.write(settings, workDir.resolve("config"),
                Path.of(System.getProperty("exactpay.it.rar")), sandbox.channelSettings());
        startPayara("payara-console.log");
    }

    private void startPayara(String consoleLog) throws Exception {
        Path workDir = Path.of(System.getProperty("exactpay.it.work-dir"));
        payara = PayaraMicroProcess.start(settings, serverFiles, Path.of(System.getProperty("exactpay.it.payara-micro")),
                Path.of(System.getProperty("exactpay.it.jdbc-driver")), Path.of(System.getProperty("exactpay.it.war")),
                workDir.resolve(consoleLog));
        payara.awaitReady(Duration.ofMinutes(5));
    }

    /** Kills Payara Micro without warning: no shutdown hook, no transaction completes. */
    public void crashServer() throws Exception {
        payara.kill();
    }

    /** Starts Payara Micro again on the same root directory: it finds its transaction log and recovers. */
    public void restartServer() throws Exception {
        startPayara("payara-console-after-crash.log");
    }

    private void stop() {
        try {
            if (payara != null) payara.close();
            if (sandbox != null) sandbox.close();
            if (broker != null) broker.close();
            if (database != null) database.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test stack", e);
        }
    }

    public Settings settings() {
        return settings;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public URI sandboxUri() {
        return sandbox.baseUri();
    }

    public URI baseUri() {
        return payara.baseUri();
    }
}
