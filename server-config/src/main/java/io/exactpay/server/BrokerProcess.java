package io.exactpay.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The embedded Artemis broker ({@link EmbeddedBroker}) as a process of its own, on its journal
 * under the data directory: a crash of the broker is then a crash of this process only, and a
 * new process on the same journal recovers every durable message and prepared transaction.
 */
public final class BrokerProcess extends ChildProcess {

    static final String READY_LINE = "[broker] started";

    private final Path consoleLog;

    private BrokerProcess(Process process, Path consoleLog) {
        super(process, Duration.ofSeconds(60));
        this.consoleLog = consoleLog;
    }

    /**
     * Starts the broker from the given class path and waits until it accepts connections. The
     * settings travel in the environment, so no password shows in the process list.
     */
    public static BrokerProcess start(Settings settings, String classPath, Path consoleLog)
            throws IOException, InterruptedException {
        Files.createDirectories(consoleLog.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", classPath, EmbeddedBroker.class.getName()));
        Map<String, String> environment = builder.environment();
        settings.asMap().forEach((key, value) -> environment.put(Settings.environmentName(key), value));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        long logged = Files.exists(consoleLog) ? Files.size(consoleLog) : 0;
        BrokerProcess broker = new BrokerProcess(builder.start(), consoleLog);
        broker.awaitReady(logged, Duration.ofSeconds(120));
        return broker;
    }

    /** Waits for the ready line that this start writes after {@code from} bytes of the console log. */
    private void awaitReady(long from, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with code " + process.exitValue() + "; see " + consoleLog);
            }
            byte[] log = Files.readAllBytes(consoleLog);
            if (log.length > from && new String(log, (int) from, log.length - (int) from).contains(READY_LINE)) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException("the broker did not start within " + timeout + "; see " + consoleLog);
    }
}
