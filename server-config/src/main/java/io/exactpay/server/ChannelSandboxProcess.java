package io.exactpay.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The channel sandbox (a test and demo tool that speaks WeChat Pay v3 and Alipay on 127.0.0.1) as
 * a process of its own. Its keys and its ledger's journal live in the data directory and are reused:
 * a sandbox started again (also after a kill) still knows every trade, refund and callback it owes.
 * On each start it writes the {@code exactpay.channel.*} settings that point the application at it.
 */
public final class ChannelSandboxProcess extends ChildProcess {

    static final String MAIN_CLASS = "io.exactpay.sandbox.ChannelSandbox";
    private static final String SETTINGS_FILE = "exactpay-channels.properties";

    private final URI baseUri;
    private final Path keysDir;

    private ChannelSandboxProcess(Process process, URI baseUri, Path keysDir) {
        super(process, Duration.ofSeconds(20));
        this.baseUri = baseUri;
        this.keysDir = keysDir;
    }

    /** Starts the sandbox from the given class path; callbacks go to the application's endpoints. */
    public static ChannelSandboxProcess start(Settings settings, String classPath, Path consoleLog)
            throws IOException, InterruptedException {
        Path keysDir = settings.dataDir().resolve("sandbox-keys");
        Path ledgerDir = settings.dataDir().resolve("sandbox-data");
        // The sandbox's private keys and API v3 key; it writes its files owner-only too.
        OwnerOnlyFiles.directory(keysDir);
        Files.deleteIfExists(keysDir.resolve(SETTINGS_FILE));
        String app = "http://" + settings.get("http.host") + ":" + settings.get("http.port");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classPath, MAIN_CLASS,
                "--port", settings.get("sandbox.port"),
                "--keys-dir", keysDir.toString(),
                "--data-dir", ledgerDir.toString(),
                "--time-factor", settings.get("sandbox.time-factor"),
                "--callback-url-wechatpay", app + "/api/v1/callbacks/wechatpay",
                "--callback-url-alipay", app + "/api/v1/callbacks/alipay");
        ProcessBuilder builder = new ProcessBuilder(command);
        if (consoleLog == null) {
            builder.inheritIO();
        } else {
            builder.redirectErrorStream(true).redirectOutput(consoleLog.toFile());
        }
        URI base = URI.create("http://127.0.0.1:" + settings.get("sandbox.port") + "/");
        ChannelSandboxProcess sandbox = new ChannelSandboxProcess(builder.start(), base, keysDir);
        sandbox.awaitReady(Duration.ofSeconds(60));
        return sandbox;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("sandbox/health")).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("channel sandbox exited: " + process.exitValue());
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                        && Files.exists(keysDir.resolve(SETTINGS_FILE))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("channel sandbox not ready after " + timeout);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The application's channel settings, pointing at this sandbox and its generated keys. */
    public Map<String, String> channelSettings() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(keysDir.resolve(SETTINGS_FILE))) {
            properties.load(in);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) settings.put(name, properties.getProperty(name));
        return settings;
    }
}
