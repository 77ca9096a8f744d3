package io.exactpay.ear;

import io.exactpay.it.SystemUnderTest;
import io.exactpay.server.ApplicationReadiness;
import io.exactpay.server.ServerFiles;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The EAR on Payara Server, set up as an operator would: a new domain with the JDBC driver, the
 * server resources from the same post-boot commands that Payara Micro runs, the application's
 * system properties, then the EAR; beside PostgreSQL and the broker that SystemUnderTest starts.
 */
public class PayaraServerStack extends SystemUnderTest {

    /** The application's name on the server; a suite may redeploy it with another archive. */
    static final String APPLICATION = "exactpay";

    private PayaraServerDomain domain;
    private boolean domainStarted;
    private boolean deployed;

    static PayaraServerStack running() {
        return (PayaraServerStack) SystemUnderTest.get();
    }

    @Override
    protected void startServer(ServerFiles files, Path workDir) throws Exception {
        domain = new PayaraServerDomain(Path.of(System.getProperty("exactpay.it.payara-server")),
                workDir.resolve("domains"), Integer.getInteger("exactpay.it.portbase"));
        long t0 = System.nanoTime();
        domain.create();
        domain.addLibrary(Path.of(System.getProperty("exactpay.it.jdbc-driver")));
        long t1 = System.nanoTime();
        domain.start();
        domainStarted = true;
        long t2 = System.nanoTime();
        domain.remote("create-system-properties", systemProperties(files.systemProperties()));
        domain.runFile(files.postBootCommands());
        redeploy(Path.of(System.getProperty("exactpay.it.ear")));
        System.out.printf("Payara Server: domain created in %.1f s, started in %.1f s, resources and EAR in %.1f s;"
                + " RSS %d MiB%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9,
                domain.residentMebibytes());
    }

    /** The same properties that Payara Micro reads from the file, in create-system-properties' syntax. */
    private static String systemProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream().sorted()
                .map(name -> name + "=" + escape(properties.getProperty(name)))
                .collect(Collectors.joining(":"));
    }

    /** asadmin's property lists separate with ':' and '=', and escape them with a backslash. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    /** Deploys {@code archive} as the application, replacing the one deployed before. */
    void redeploy(Path archive) throws IOException, InterruptedException {
        domain.deploy(APPLICATION, archive);
        deployed = true;
    }

    /** Kills the domain's server with SIGKILL: no shutdown hook runs, no transaction completes. */
    void crashServer() throws IOException, InterruptedException {
        domain.kill();
        domainStarted = false;
    }

    /**
     * Starts the domain again, as an operator would after a crash (asadmin start-domain on the same
     * domain directory): the server finds its transaction log under the domain and recovers; the
     * application is still deployed, and this waits until it serves.
     */
    void restartServer() throws IOException, InterruptedException {
        domain.start();
        domainStarted = true;
        ApplicationReadiness.await(baseUri(), Duration.ofMinutes(5), "Payara Server", () -> true);
    }

    /** Freezes the server (SIGSTOP): whatever it was doing stays as it was until it is resumed or killed. */
    void pauseServer() throws IOException, InterruptedException {
        domain.pause();
    }

    void resumeServer() throws IOException, InterruptedException {
        domain.resume();
    }

    PayaraServerDomain domain() {
        return domain;
    }

    @Override
    protected void stopServer() throws Exception {
        if (!domainStarted) return;
        System.out.printf("Payara Server: RSS %d MiB at the end of the suite%n", domain.residentMebibytes());
        try {
            if (deployed) domain.remote("undeploy", APPLICATION);
        } finally {
            domain.stop();
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + domain.httpPort() + "/");
    }
}
