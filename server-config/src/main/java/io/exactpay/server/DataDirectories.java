package io.exactpay.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh data directories for runs that must not see an earlier run's data (tests, benchmarks). */
public final class DataDirectories {

    private DataDirectories() {
    }

    /** Deletes the directory and everything in it, if it exists. */
    public static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
