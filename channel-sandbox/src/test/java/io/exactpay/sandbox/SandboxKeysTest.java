package io.exactpay.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SandboxKeysTest {

    @TempDir
    Path parent;

    @Test
    void generatedKeysAndIdentitiesAreReadableByTheirOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = parent.resolve("sandbox-keys");
        SandboxKeys.loadOrGenerate(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (var files = Files.list(dir)) {
            var all = files.toList();
            assertTrue(all.size() >= 9, "eight keys and the identities: " + all);
            for (Path file : all) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        file.getFileName().toString());
            }
        }
    }
}
