package io.exactpay.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void theDevelopmentKeyPairIsReadableByItsOwnerOnly() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dir.toString()));
        DevelopmentTokens.loadOrCreate(settings);
        Path keys = DevelopmentTokens.keyDir(settings.dataDir());
        assertEquals("rwx------", permissions(keys));
        try (var files = Files.list(keys)) {
            for (Path file : files.toList()) assertEquals("rw-------", permissions(file), file.toString());
        }
    }

    @Test
    void theServerCommandsWithTheirPasswordsAreReadableByTheirOwnerOnly() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dir.toString()));
        Path config = dir.resolve("config");
        ServerFiles files = ServerFiles.write(settings, config, dir.resolve("artemis-ra.rar"));
        assertEquals("rwx------", permissions(config));
        for (Path file : List.of(files.preBootCommands(), files.postBootCommands(), files.systemProperties())) {
            assertEquals("rw-------", permissions(file), file.toString());
        }
    }

    @Test
    void aFileLeftReadableByAnEarlierRunIsMadeOwnerOnlyAtStart() throws Exception {
        Settings settings = Settings.load(Map.of("data-dir", dir.toString()));
        Path keys = Files.createDirectories(dir.resolve("sandbox-keys"));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = Files.writeString(keys.resolve("alipay-app-private-key.pem"), "secret");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        Launcher.keepSecretsOwnerOnly(settings);

        assertEquals("rwx------", permissions(keys));
        assertEquals("rw-------", permissions(key));
        assertTrue(OwnerOnlyFiles.tighten(keys).isEmpty(), "nothing left to change");
    }

    @Test
    void rewritingAFileTakesAwayWhatOthersCouldRead() throws Exception {
        Path file = Files.writeString(dir.resolve("post-boot-commands.asadmin"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        OwnerOnlyFiles.writeString(file, "new");
        assertEquals("rw-------", permissions(file));
        assertEquals("new", Files.readString(file));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
