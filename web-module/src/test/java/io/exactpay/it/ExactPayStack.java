package io.exactpay.it;

import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The system under test, started once per test session exactly as the run command starts it:
 * PostgreSQL, the Artemis broker and Payara Micro with the application WAR, on the ports that the
 * build gives the suite. The Arquillian suite deploys a second instance beside it, on the same
 * database and broker, as scale-out would.
 */
public class ExactPayStack extends SystemUnderTest {

    private PayaraMicroProcess payara;

    @Override
    protected void startServer(ServerFiles files, Path workDir) throws Exception {
        payara = PayaraMicroProcess.start(settings(), files, Path.of(System.getProperty("exactpay.it.payara-micro")),
                Path.of(System.getProperty("exactpay.it.jdbc-driver")), Path.of(System.getProperty("exactpay.it.war")),
                workDir.resolve("payara-console.log"));
        payara.awaitReady(Duration.ofMinutes(5));
    }

    @Override
    protected void stopServer() throws Exception {
        if (payara != null) payara.close();
    }

    @Override
    public URI baseUri() {
        return payara.baseUri();
    }
}
