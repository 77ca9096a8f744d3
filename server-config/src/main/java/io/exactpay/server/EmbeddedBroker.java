package io.exactpay.server;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded Artemis broker: the addresses, queues, permissions and redelivery policy of
 * broker.xml, with a persistent journal under the data directory, and the users of the settings
 * (ExactPay's own and one per legacy system, see {@link BrokerSecurity}).
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedActiveMQ server;

    private EmbeddedBroker(EmbeddedActiveMQ server) {
        this.server = server;
    }

    /**
     * The broker as a process of its own ({@link BrokerProcess}), so that it can fail and restart
     * apart from whatever started it. Settings come from the environment and system properties.
     */
    public static void main(String[] args) throws Exception {
        EmbeddedBroker broker = start(Settings.load());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("[broker] stop failed: " + e);
            }
        }, "broker-shutdown"));
        System.out.println(BrokerProcess.READY_LINE);
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }

    public static EmbeddedBroker start(Settings settings) throws Exception {
        Path dataDir = settings.dataDir().resolve("broker");
        Files.createDirectories(dataDir);
        Map<String, String> values = new HashMap<>(settings.asMap());
        values.put("broker.data", dataDir.toString());
        values.put("broker.max-delivery-attempts", Integer.toString(settings.brokerMaxDeliveryAttempts()));
        values.putAll(BrokerSecurity.templateValues(settings));
        Path brokerXml = dataDir.resolve("broker.xml");
        Files.writeString(brokerXml, Templates.render("broker.xml", values), StandardCharsets.UTF_8);

        FileConfiguration configuration = new FileConfiguration();
        new FileDeploymentManager(brokerXml.toUri().toString()).addDeployable(configuration).readConfiguration();
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration)
                .setSecurityManager(BrokerSecurity.securityManager(settings));
        server.start();
        return new EmbeddedBroker(server);
    }

    /** The running broker, for operators' checks (e.g. prepared transactions after recovery). */
    public ActiveMQServer server() {
        return server.getActiveMQServer();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
