package io.exactpay.it;

import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The system under test, started once per test session exactly as the run command starts it:
 * PostgreSQL, the Artemis broker and Payara Micro with the application WAR, on the ports that the
 * build gives the suite. The Arquillian suite deploys a second instance beside it, on the same
 * database and broker, as scale-out would.
 */
public class ExactPayStack extends SystemUnderTest implements LauncherSessionListener {

    private PayaraMicroProcess payara;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("exactpay.it.war") == null) return; // not under the build's failsafe run
        try {
            start();
            use(this);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the test stack", e);
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
        payara = PayaraMicroProcess.start(settings(), files, Path.of(System.getProperty("exactpay.it.payara-micro")),
                Path.of(System.getProperty("exactpay.it.jdbc-driver")), Path.of(System.getProperty("exactpay.it.war")),
                workDir.resolve("payara-console.log"));
        payara.awaitReady(Duration.ofMinutes(5));
    }

    private void stop() {
        try {
            if (payara != null) payara.close();
            stopServices();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test stack", e);
        }
    }

    @Override
    public URI baseUri() {
        return payara.baseUri();
    }
}
