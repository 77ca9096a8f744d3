package io.exactpay.it;

import io.exactpay.server.DataDirectories;
import io.exactpay.server.EmbeddedBroker;
import io.exactpay.server.EmbeddedDatabase;
import io.exactpay.server.ServerFiles;
import io.exactpay.server.Settings;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;

import java.net.URI;
import java.nio.file.Path;

/**
 * The running system that the black-box helpers (Api, Broker, OrderDatabase, Invariants) talk to:
 * PostgreSQL and the broker, started here, and an application server that a subclass starts for
 * its runtime (Payara Micro with the WAR, Payara Server with the EAR). One per test session.
 */
public abstract class SystemUnderTest {

    /** A durable subscription to the events address that the suites read events from. */
    public static final String EVENTS_QUEUE = "it.events";

    private static volatile SystemUnderTest current;

    private Settings settings;
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;

    public static SystemUnderTest get() {
        if (current == null) throw new IllegalStateException("The test stack is not running");
        return current;
    }

    /**
     * Starts PostgreSQL and the broker on empty data in {@code workDir} and writes the server
     * resources (post-boot commands, application properties) for the server to start from.
     */
    protected ServerFiles startServices(Path workDir, Path artemisRar) throws Exception {
        DataDirectories.wipe(workDir);
        settings = Settings.load();
        database = EmbeddedDatabase.start(settings);
        broker = EmbeddedBroker.start(settings);
        broker.server().createQueue(QueueConfiguration.of(EVENTS_QUEUE).setAddress("exactpay.events")
                .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        return ServerFiles.write(settings, workDir.resolve("config"), artemisRar);
    }

    protected void stopServices() throws Exception {
        if (broker != null) broker.close();
        if (database != null) database.close();
    }

    /** Makes this the system that the helpers reach, once its server is ready; null when it stops. */
    protected static void use(SystemUnderTest system) {
        current = system;
    }

    public Settings settings() {
        return settings;
    }

    public EmbeddedBroker broker() {
        return broker;
    }

    public abstract URI baseUri();
}
