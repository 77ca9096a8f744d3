package io.exactpay.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the files a Payara runtime starts from: the asadmin commands that create the XA pools
 * and deploy the Artemis resource adapter, and the application's system properties.
 */
public final class ServerFiles {

    private final Path postBootCommands;
    private final Path systemProperties;

    private ServerFiles(Path postBootCommands, Path systemProperties) {
        this.postBootCommands = postBootCommands;
        this.systemProperties = systemProperties;
    }

    public static ServerFiles write(Settings settings, Path directory, Path artemisRar) throws IOException {
        Files.createDirectories(directory);
        Map<String, String> values = new HashMap<>(settings.asMap());
        values.put("artemis-ra.rar", artemisRar.toAbsolutePath().toString());
        Path commands = directory.resolve("post-boot-commands.asadmin");
        Files.writeString(commands, Templates.render("post-boot-commands.asadmin", values), StandardCharsets.UTF_8);
        Path properties = directory.resolve("exactpay.properties");
        String text = settings.applicationProperties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(properties, text, StandardCharsets.UTF_8);
        return new ServerFiles(commands, properties);
    }

    public Path postBootCommands() {
        return postBootCommands;
    }

    public Path systemProperties() {
        return systemProperties;
    }
}
