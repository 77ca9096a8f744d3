package io.exactpay.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupervisorTest {

    /**
     * A part left running by a killed launcher is found by its remembered pid and what its command
     * line names, even when the name comes after a class path longer than 4,096 characters (as the
     * broker's and the sandbox's do), and stopped before the next start.
     */
    @Test
    void aLeftoverWithALongCommandLineIsStopped(@TempDir Path dataDir) throws Exception {
        String longClassPath = "/opt/lib/x.jar:".repeat(400);
        Process leftover = new ProcessBuilder("sh", "-c", "trap \"exit 0\" TERM; while :; do sleep 0.2; done", longClassPath,
                "io.example.LeftoverPart")
                .start();
        try {
            Supervisor supervisor = new Supervisor(dataDir);
            supervisor.remember("broker", leftover.pid());
            supervisor.stopLeftovers("broker", "io.example.LeftoverPart");
            assertTrue(leftover.waitFor(10, TimeUnit.SECONDS), "the leftover part was stopped");
            assertFalse(Files.exists(dataDir.resolve("run/broker.pid")));
        } finally {
            leftover.destroyForcibly();
        }
    }
}
