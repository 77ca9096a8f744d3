package io.exactpay.ear;

import io.exactpay.it.SystemUnderTest;
import io.exactpay.server.ServerFiles;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The EAR on Payara Server, started once per test session as an operator would set it up:
 * PostgreSQL and the broker, a new domain with the JDBC driver, the server resources from the
 * same post-boot commands that Payara Micro runs, the application's system properties, the EAR.
 */
public class PayaraServerStack extends SystemUnderTest implements LauncherSessionListener {

    /** The application's name on the server; a suite may redeploy it with another archive. */
    static final String APPLICATION = "exactpay";

    private PayaraServerDomain domain;
    private boolean domainStarted;
    private boolean deployed;

    static PayaraServerStack running() {
        return (PayaraServerStack) SystemUnderTest.get();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("exactpay.it.ear") == null) return; // not under the build's failsafe run
        try {
            start();
            use(this);
        } catch (Exception e) {
            // The session's failure is reported far from here; say at once why the server is not there.
            e.printStackTrace();
            stop();
            throw new IllegalStateException("Could not start the EAR on Payara Server", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
        use(null);
    }

    private void start() throws Exception {
        Path workDir = Path.of(System.getProperty("exactpay.it.work-dir"));
        ServerFiles files = startServices(workDir, Path.of(System.getProperty("exactpay.it.rar")));
        domain = new PayaraServerDomain(Path.of(System.getProperty("exactpay.it.payara-server")),
                workDir.resolve("domains"), Integer.getInteger("exactpay.it.portbase"));
        domain.create();
        domain.addLibrary(Path.of(System.getProperty("exactpay.it.jdbc-driver")));
        long started = System.nanoTime();
        domain.start();
        domainStarted = true;
        System.out.printf("Payara Server domain started in %.1f s%n", (System.nanoTime() - started) / 1e9);
        domain.remote("create-system-properties", systemProperties(files.systemProperties()));
        domain.runFile(files.postBootCommands());
        redeploy(Path.of(System.getProperty("exactpay.it.ear")));
        System.out.printf("Payara Server ready with the EAR after %.1f s, RSS %d MiB%n",
                (System.nanoTime() - started) / 1e9, domain.residentMebibytes());
    }

    /** The same properties that Payara Micro reads from the file, in create-system-properties' syntax. */
    private static String systemProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames().stream().sorted()
                .map(name -> name + "=" + properties.getProperty(name).replace(":", "\\:"))
                .collect(Collectors.joining(":"));
    }

    /** Deploys {@code archive} as the application, replacing the one deployed before. */
    void redeploy(Path archive) throws IOException, InterruptedException {
        domain.deploy(APPLICATION, archive);
        deployed = true;
    }

    private void stop() {
        try {
            if (domainStarted) {
                System.out.printf("Payara Server RSS at the end of the suite: %d MiB%n", domain.residentMebibytes());
                try {
                    if (deployed) domain.remote("undeploy", APPLICATION);
                } finally {
                    domain.stop();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop Payara Server", e);
        } finally {
            try {
                stopServices();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop PostgreSQL or the broker", e);
            }
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + domain.httpPort() + "/");
    }
}
