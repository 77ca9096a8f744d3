package io.exactpay.it;

import io.exactpay.server.PayaraMicroProcess;
import io.exactpay.server.ServerFiles;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The system under test, started once per test session exactly as the run command starts it:
 * PostgreSQL, the Artemis broker, the channel sandbox and Payara Micro with the application WAR,
 * on the ports that the build gives the suite. The Arquillian suite deploys a second instance
 * beside it, on the same database and broker, as scale-out would.
 */
public class ExactPayStack extends SystemUnderTest {

    private PayaraMicroProcess payara;
    private ServerFiles serverFiles;

    public static ExactPayStack get() {
        return (ExactPayStack) SystemUnderTest.get();
    }

    @Override
    protected void startServer(ServerFiles files, Path workDir) throws Exception {
        serverFiles = files;
        startPayara("payara-console.log");
    }

    private void startPayara(String consoleLog) throws Exception {
        Path workDir = Path.of(System.getProperty("exactpay.it.work-dir"));
        payara = PayaraMicroProcess.start(settings(), serverFiles, Path.of(System.getProperty("exactpay.it.payara-micro")),
                Path.of(System.getProperty("exactpay.it.jdbc-driver")), Path.of(System.getProperty("exactpay.it.war")),
                workDir.resolve(consoleLog));
        payara.awaitReady(Duration.ofMinutes(5));
    }

    /** Kills Payara Micro without warning: no shutdown hook, no transaction completes. */
    public void crashServer() throws Exception {
        payara.kill();
    }

    /** Starts Payara Micro again on the same root directory: it finds its transaction log and recovers. */
    public void restartServer() throws Exception {
        startPayara("payara-console-after-crash.log");
    }

    @Override
    protected void stopServer() throws Exception {
        if (payara != null) payara.close();
    }

    @Override
    protected OptionalLong serverPid() {
        return OptionalLong.of(payara.pid());
    }

    @Override
    public URI baseUri() {
        return payara.baseUri();
    }
}
