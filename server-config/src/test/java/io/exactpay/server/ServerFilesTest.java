package io.exactpay.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The boot commands Payara Micro starts from, written from the settings. */
class ServerFilesTest {

    @TempDir
    Path dir;

    @Test
    void theDataGridIsBoundToTheHttpHostsAddress_evenWhenTheHostIsGivenByName() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dir.toString(), "http.host", "localhost"));

        String preBoot = Files.readString(ServerFiles.write(settings, dir.resolve("config"), dir.resolve("ra.rar"))
                .preBootCommands());

        assertTrue(preBoot.contains("set hazelcast-runtime-configuration.interface=127.0.0.1\n"), preBoot);
        assertTrue(preBoot.contains("http-listener.address=localhost\n"), preBoot);
    }
}
