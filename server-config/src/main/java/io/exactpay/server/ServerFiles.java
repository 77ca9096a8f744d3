package io.exactpay.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the files a Payara runtime starts from: the asadmin commands that create the XA pools
 * and deploy the Artemis resource adapter, and the application's system properties.
 */
public final class ServerFiles {

    private final Path preBootCommands;
    private final Path postBootCommands;
    private final Path systemProperties;

    /** Payara's default resource adapter for message-driven beans (ConnectorMessageBeanClient). */
    static final String MDB_RESOURCE_ADAPTER = "com.sun.enterprise.connectors.inbound.ramid";

    private ServerFiles(Path preBootCommands, Path postBootCommands, Path systemProperties) {
        this.preBootCommands = preBootCommands;
        this.postBootCommands = postBootCommands;
        this.systemProperties = systemProperties;
    }

    public static ServerFiles write(Settings settings, Path directory, Path artemisRar) throws IOException {
        return write(settings, directory, artemisRar, Map.of());
    }

    /** As above, with more application properties (the channels' settings, say) beside the settings'. */
    public static ServerFiles write(Settings settings, Path directory, Path artemisRar,
                                    Map<String, String> moreProperties) throws IOException {
        // The commands hold the database and broker passwords.
        OwnerOnlyFiles.directory(directory);
        Map<String, String> values = new HashMap<>(settings.asMap());
        values.put("artemis-ra.rar", artemisRar.toAbsolutePath().toString());
        // The data grid takes an interface by its address, not by name ("localhost").
        values.put("http.address", InetAddress.getByName(settings.get("http.host")).getHostAddress());
        Path preBoot = directory.resolve("pre-boot-commands.asadmin");
        OwnerOnlyFiles.writeString(preBoot, Templates.render("pre-boot-commands.asadmin", values));
        Path commands = directory.resolve("post-boot-commands.asadmin");
        OwnerOnlyFiles.writeString(commands, Templates.render("post-boot-commands.asadmin", values));
        Path propertiesFile = directory.resolve("exactpay.properties");
        Map<String, String> properties = new java.util.LinkedHashMap<>(settings.applicationProperties());
        // The resource adapter of every message-driven bean that names none: the beans name only their
        // queue, and the rest of their activation is io.exactpay.ra.QueueActivationSpec's.
        properties.put(MDB_RESOURCE_ADAPTER, "artemis-ra");
        properties.putAll(moreProperties);
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        OwnerOnlyFiles.writeString(propertiesFile, text);
        return new ServerFiles(preBoot, commands, propertiesFile);
    }

    /** java.util.Properties syntax: backslashes (Windows paths, say) must survive loading. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    /** Payara Micro only: what must be set before it boots (the listener's address). */
    public Path preBootCommands() {
        return preBootCommands;
    }

    public Path postBootCommands() {
        return postBootCommands;
    }

    public Path systemProperties() {
        return systemProperties;
    }
}
