package io.exactpay.legacy;

import io.exactpay.legacy.contract.OrderClosed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The legacy process dies in the middle of a commit, in a JVM of its own; the next start of the
 * process (a new JVM on the same transaction log) finishes the work. Counted in the legacy
 * database and on the broker, as ExactPay's consumer would see it.
 */
class CrashRecoveryTest {

    private static final String EVENTS = "exactpay.events::exactpay.events.erp";

    private String key;
    private Path transactionLog;
    private String node;

    @BeforeAll
    static void servers() throws Exception {
        TestServers.start();
    }

    @BeforeEach
    void freshProcess() throws Exception {
        TestServers.drain(ExactPayBroker.COMMAND_QUEUE);
        TestServers.drain(EVENTS);
        String id = UUID.randomUUID().toString().substring(0, 8);
        key = "crash-" + id;
        node = "erp-" + id;
        transactionLog = TestServers.DIR.resolve("tx-log-" + node);
    }

    @Test
    void aCommandCrashedAfterPrepareIsCommittedOnRestart_exactlyOneRowAndOneCommand() throws Exception {
        assertEquals(CrashPoint.HALTED, run("send", CrashPoint.FIRST_COMMIT));

        // In doubt: prepared in both, visible in neither.
        assertEquals(1, TestServers.preparedInDatabase());
        assertEquals(1, TestServers.preparedInBroker());
        assertEquals(0, rows());
        assertEquals(0, commands());

        assertEquals(0, run("recover-only", CrashPoint.NONE));

        assertEquals(1, rows());
        assertEquals(1, commands());
        assertNothingInDoubt();
    }

    @Test
    void aCommandCrashedBeforePrepareLeavesNeitherRowNorCommand() throws Exception {
        assertEquals(CrashPoint.HALTED, run("send", CrashPoint.FIRST_PREPARE));
        assertEquals(0, run("recover-only", CrashPoint.NONE));

        assertEquals(0, rows());
        assertEquals(0, commands());
        assertNothingInDoubt();
    }

    /**
     * Prepared in the database but never logged: recovery rolls the branch back (presumed abort),
     * once it has been in doubt for Narayana's orphan safety interval (20 s), which keeps recovery
     * off a transaction that is between its prepares right now.
     */
    @Test
    void aCommandCrashedBetweenThePreparesIsRolledBackByRecovery_neitherRowNorCommand() throws Exception {
        assertEquals(CrashPoint.HALTED, run("send", CrashPoint.BETWEEN_PREPARES));
        assertEquals(1, TestServers.preparedInDatabase());
        assertEquals(0, TestServers.preparedInBroker());

        assertEquals(0, run("recover-periodically", CrashPoint.NONE));

        assertEquals(0, rows());
        assertEquals(0, commands());
        assertNothingInDoubt();
    }

    /** The guard: the same crash with a non-XA session sends a command whose row never commits. */
    @Test
    void withoutXaTheSameCrashSendsACommandWhoseRowIsLost() throws Exception {
        assertEquals(CrashPoint.HALTED, run("send-without-xa", CrashPoint.FIRST_PREPARE));
        assertEquals(0, run("recover-only", CrashPoint.NONE));

        assertEquals(0, rows());
        assertEquals(1, commands());
    }

    @Test
    void anEventCrashedAfterPrepareIsCommittedOnRestart_exactlyOneRowAndGoneFromTheQueue() throws Exception {
        OrderClosed event = publishEvent();
        assertEquals(CrashPoint.HALTED, run("take-event", CrashPoint.FIRST_COMMIT));

        assertEquals(1, TestServers.preparedInDatabase());
        assertEquals(1, TestServers.preparedInBroker());
        assertEquals(0, eventRows(event));

        assertEquals(0, run("recover-only", CrashPoint.NONE));

        assertEquals(1, eventRows(event));
        assertEquals(List.of(), TestServers.drain(EVENTS));
        assertNothingInDoubt();
    }

    @Test
    void anEventCrashedBeforePrepareIsTakenAgainOnRestart_exactlyOneRow() throws Exception {
        OrderClosed event = publishEvent();
        assertEquals(CrashPoint.HALTED, run("take-event", CrashPoint.FIRST_PREPARE));
        assertEquals(0, eventRows(event));

        assertEquals(0, run("take-event", CrashPoint.NONE));

        assertEquals(1, eventRows(event));
        assertEquals(List.of(), TestServers.drain(EVENTS));
        assertNothingInDoubt();
    }

    /** The guard: acknowledged outside the transaction, the event is gone and its row never came. */
    @Test
    void withoutXaTheSameCrashLosesTheEvent() throws Exception {
        OrderClosed event = publishEvent();
        assertEquals(CrashPoint.HALTED, run("take-event-without-xa", CrashPoint.FIRST_PREPARE));
        assertEquals(0, run("recover-only", CrashPoint.NONE));

        assertEquals(0, eventRows(event));
        assertEquals(List.of(), TestServers.drain(EVENTS));
    }

    private OrderClosed publishEvent() throws Exception {
        OrderClosed event = ReceiveEventTest.closedEvent();
        TestServers.publishEvent(event.toJson().toString(), event.type(), event.orderId().toString());
        return event;
    }

    private long rows() throws Exception {
        return TestServers.count("select count(*) from erp_order where merchant_order_no = ?", key);
    }

    private static long eventRows(OrderClosed event) throws Exception {
        return TestServers.count("select count(*) from erp_event where event_id = ?", event.eventId());
    }

    /** Takes everything on ExactPay's command queue, as its consumer would, and counts this test's command. */
    private long commands() throws Exception {
        return TestServers.drain(ExactPayBroker.COMMAND_QUEUE).stream()
                .filter(command -> key.equals(command.correlationId())).count();
    }

    private static void assertNothingInDoubt() throws Exception {
        assertEquals(0, TestServers.preparedInDatabase(), "prepared transactions in PostgreSQL");
        assertEquals(0, TestServers.preparedInBroker(), "prepared transactions in the broker");
    }

    /** Runs the legacy process in a JVM of its own, on this test's transaction log; its exit code. */
    private int run(String work, CrashPoint crash) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A short-lived process: a quick start matters more than peak speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(TestServers.childProperties());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                ErpProcess.class.getName(), work, transactionLog.toString(), node, crash.name(), key));
        File log = TestServers.DIR.resolve(node + "-" + work + "-" + crash + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The legacy process did not finish; see " + log);
        }
        // Kept with the test's output: what the process did when a count comes out wrong.
        System.err.printf("--- %s %s (exit %d)%n%s", work, crash, process.exitValue(), Files.readString(log.toPath()));
        return process.exitValue();
    }
}
