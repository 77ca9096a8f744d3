package io.exactpay.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Payara Micro as a child process running the application WAR after the Artemis RAR. */
public final class PayaraMicroProcess extends ChildProcess {

    private final URI baseUri;
    private final CountDownLatch deployed = new CountDownLatch(1);

    private PayaraMicroProcess(Process process, URI baseUri) {
        super(process, java.time.Duration.ofSeconds(60));
        this.baseUri = baseUri;
    }

    public static PayaraMicroProcess start(Settings settings, ServerFiles files, Path payaraMicroJar,
                                           Path jdbcDriver, Path war) throws IOException {
        return start(settings, files, payaraMicroJar, jdbcDriver, war, null);
    }

    /** As {@link #start(Settings, ServerFiles, Path, Path, Path)}, its console to a file when one is given. */
    public static PayaraMicroProcess start(Settings settings, ServerFiles files, Path payaraMicroJar,
                                           Path jdbcDriver, Path war, Path consoleLog) throws IOException {
        Path rootDir = settings.dataDir().resolve("payara");
        Files.createDirectories(rootDir);
        keepOnlyTheTransactionLog(rootDir);
        Path tmp = rootDir.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + tmp,
                // Payara's data grid (Hazelcast, started even with --nocluster) binds to every
                // interface unless told to bind to the interface the boot commands give it only.
                "-Dhazelcast.socket.bind.any=false",
                // JSON-P's provider by name: without it every Json.create... call (Payara's own JWT
                // check on each request among them) asks the service loader, which searched the
                // module jars again each time: 9% of Payara's CPU in the settlement benchmark.
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                "-jar", payaraMicroJar.toString(),
                "--nocluster",
                "--nohostaware",
                "--name", settings.get("instance-name"),
                "--rootdir", rootDir.toString(),
                "--port", settings.get("http.port"),
                "--prebootcommandfile", files.preBootCommands().toString(),
                "--postbootcommandfile", files.postBootCommands().toString(),
                "--systemproperties", files.systemProperties().toString(),
                "--addlibs", jdbcDriver.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = builder.start();
        URI base = URI.create("http://" + settings.get("http.host") + ":" + settings.get("http.port") + "/");
        PayaraMicroProcess payara = new PayaraMicroProcess(process, base);
        payara.pumpConsole(consoleLog);
        return payara;
    }

    /**
     * A root directory Payara used before keeps the application it deployed, and Payara starts that
     * copy first and then undeploys it to deploy the archive again. Message-driven beans of the
     * first copy can stay attached to the resource adapter after their container is undeployed:
     * every message they take then fails ("Client's transaction aborted") outside any transaction,
     * and is lost. A chaos run lost 88 legacy commands and hundreds of captures that way. So each
     * start begins from a clean root directory, keeping only the logs, where the transaction log
     * lives that recovery must read; the boot command files set up everything else again.
     */
    static void keepOnlyTheTransactionLog(Path rootDir) throws IOException {
        try (var entries = Files.list(rootDir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().toString().equals("logs")) DataDirectories.wipe(entry);
            }
        }
    }

    /**
     * Copies Payara's console to the file (or to this process's output) and watches it for the
     * line that says the application archive is deployed. Restarted on a root directory that still
     * holds the application, Payara serves the old deployment for a moment and then deploys the
     * archive again, so the API answering alone does not mean the start is over.
     */
    private void pumpConsole(Path consoleLog) throws IOException {
        // Appended: a restart on the same root directory continues the same console log.
        OutputStream out = consoleLog == null ? System.out : Files.newOutputStream(consoleLog,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                    if (line.contains("Deployed ") && line.contains("archive(s)")) {
                        out.flush();
                        deployed.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                try {
                    if (out == System.out) out.flush();
                    else out.close();
                } catch (IOException ignored) {
                    // nothing more to write
                }
            }
        }, "payara-console");
        pump.setDaemon(true);
        pump.start();
    }

    public URI baseUri() {
        return baseUri;
    }

    /** Waits until Payara Micro has deployed the archive and the application is ready ({@link ApplicationReadiness}). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        ApplicationReadiness.await(baseUri, timeout, "Payara Micro", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue());
            }
            return deployed.getCount() == 0;
        });
    }
}
