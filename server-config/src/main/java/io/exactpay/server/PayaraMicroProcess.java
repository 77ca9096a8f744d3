package io.exactpay.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Payara Micro as a child process running the application WAR after the Artemis RAR. */
public final class PayaraMicroProcess implements AutoCloseable {

    /**
     * An order that cannot exist, asked for without a bearer token: once the application serves
     * requests, the API answers 401. Not 404: the server answers that while the application is
     * still loading (or after it failed to).
     */
    private static final String API_PROBE = "api/v1/orders/00000000-0000-0000-0000-000000000000";

    private final Process process;
    private final URI baseUri;

    private PayaraMicroProcess(Process process, URI baseUri) {
        this.process = process;
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
        Path tmp = rootDir.resolve("tmp");
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + tmp,
                "-jar", payaraMicroJar.toString(),
                "--nocluster",
                "--nohostaware",
                "--rootdir", rootDir.toString(),
                "--port", settings.get("http.port"),
                "--postbootcommandfile", files.postBootCommands().toString(),
                "--systemproperties", files.systemProperties().toString(),
                "--addlibs", jdbcDriver.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/"));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (consoleLog == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(consoleLog.toFile());
        }
        Process process = builder.start();
        URI base = URI.create("http://" + settings.get("http.host") + ":" + settings.get("http.port") + "/");
        return new PayaraMicroProcess(process, base);
    }

    public URI baseUri() {
        return baseUri;
    }

    /**
     * Waits until MicroProfile Health reports the application's own checks up (an empty list of
     * checks means the application is not deployed yet) and the API answers, so that the first
     * request after start meets a serving API.
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpRequest api = HttpRequest.newBuilder(baseUri.resolve(API_PROBE)).timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with code " + process.exitValue());
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().replace(" ", "").contains("\"checks\":[]")) {
                    int apiStatus = client.send(api, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (apiStatus == 401) return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout);
    }

    public long pid() {
        return process.pid();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Ends the process at once, as a power cut or an OOM kill would: no shutdown hooks run. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks Payara to shut down (SIGTERM runs its shutdown hooks), and insists after a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
