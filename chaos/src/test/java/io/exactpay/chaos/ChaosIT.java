package io.exactpay.chaos;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Payara Micro instances on one PostgreSQL and one broker. The short chaos run: about 1,000
 * orders while each instance is killed once, the broker once and PostgreSQL once, each with
 * SIGKILL; afterwards the channels hold for every order exactly what it keeps, and nothing is in
 * doubt, lost or processed twice. And the order's row lock across the two JVMs.
 */
class ChaosIT {

    private static ChaosOptions options;
    private static ChaosStack stack;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        ChaosOptions defaults = ChaosOptions.fromSystemProperties();
        options = new ChaosOptions(defaults.war(), defaults.rar(), defaults.payaraMicro(), defaults.jdbcDriver(),
                defaults.classPath(), defaults.workDir(), defaults.dbPort(), defaults.brokerPort(),
                defaults.sandboxPort(), defaults.proxyPort(), defaults.httpPorts(),
                Integer.getInteger("chaos.it.orders", 1_000), 8, ChaosOptions.kills("payara:2,broker:1,database:1"),
                Duration.ofMinutes(25), 7L);
        stack = ChaosRun.start(options);
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
    }

    /** The short chaos run (tag {@code chaos-run}: {@code -Dchaos.excluded-groups=chaos-run} leaves it out). */
    @Test
    @Tag("chaos-run")
    void killedMidSettlement_theChannelsHoldExactlyWhatEachOrderKeeps() throws Exception {
        ChaosRun run = new ChaosRun(options);
        boolean passed = run.run(stack);
        assertTrue(passed, () -> "the chaos run's checks (report above) failed: " + run.failedChecks());
    }

    /**
     * An instance's start-up recovery finishes its own branches in doubt and leaves those of the
     * other, running instance alone: under one shared recovery name it rolled back the other's
     * freshly prepared branches, and a legacy CreateOrder was answered OrderPlaced with no order.
     */
    @Test
    void anInstanceStartingUp_rollsBackOnlyItsOwnBranchesInDoubt() throws Exception {
        ChaosStack.Instance a = stack.instances().get(0);
        ChaosStack.Instance b = stack.instances().get(1);
        RecoveryOwnership.Outcome outcome = new RecoveryOwnership(stack).restart(b, a);
        System.out.println("[chaos] recovery ownership: " + outcome);
        assertTrue(outcome.ownRolledBack(), "the restarted instance's recovery rolled back its own unknown branch: "
                + outcome);
        assertTrue(outcome.otherStillPrepared() || outcome.otherRolledBackByItsOwner(),
                "the other instance's branch is left to it: " + outcome);
        assertEquals(1, outcome.deployments(), "the restarted instance deployed the application once: " + outcome);
        assertEquals(0, outcome.callsIntoUndeployed(), "no message reached an undeployed bean: " + outcome);
    }

    /**
     * A branch that a running instance prepared, and whose second phase failed because its database
     * session ended, is finished by that instance while it keeps running; not only at its next
     * start. Chaos runs left such branches prepared for minutes, holding their orders' rows. Which
     * kind this strands is up to timing: a commit that failed (finished by Payara's recovery of
     * incomplete transactions) or a prepare reported failed (rolled back as forgotten, below).
     */
    @Test
    void aRunningInstanceFinishesABranchWhoseCommitFailed() throws Exception {
        ChaosStack.Instance a = stack.instances().get(0);
        StrandedBranch.Outcome outcome = new StrandedBranch(stack, a)
                .strandAndWait(Duration.ZERO, Duration.ofMinutes(4));
        System.out.println("[chaos] stranded branch: " + outcome);
        assertTrue(outcome.instanceRanThroughout(), "the instance was not restarted: " + outcome);
        assertTrue(outcome.resolved(), "the running instance finished the branch: " + outcome);
    }

    /**
     * A branch of a running instance whose transaction its transaction manager has forgotten (its
     * prepare was reported failed with its database session, and the rollback over that session
     * failed too) is rolled back by that instance while it keeps running, as its next start would.
     * Payara's own recovery of incomplete transactions finishes only failed commits: a CI run left
     * such a branch prepared for three minutes, holding its order's row.
     */
    @Test
    void aRunningInstanceRollsBackItsBranchItsTransactionManagerForgot() throws Exception {
        ChaosStack.Instance a = stack.instances().get(0);
        RecoveryOwnership.Forgotten outcome = new RecoveryOwnership(stack).leaveForgotten(a, Duration.ofMinutes(4));
        System.out.println("[chaos] forgotten branch: " + outcome);
        assertTrue(outcome.instanceRanThroughout(), "the instance was not restarted: " + outcome);
        assertTrue(outcome.rolledBack(), "the running instance rolled the branch back: " + outcome);
        assertTrue(outcome.saidSo(), "and said so in its log: " + outcome);
    }

    /**
     * A delivery lost with its consumer after the consumers' own attempts leaves the message to a
     * consumer, which dead-letters it with its reason; the broker does not dead-letter it itself.
     */
    @Test
    void aDeliveryLostWithItsConsumer_isNotDeadLetteredByTheBroker() throws Exception {
        CrashedDelivery.Outcome outcome = new CrashedDelivery(stack).loseOneDeliveryAfterTheConsumersAttempts();
        System.out.println("[chaos] delivery lost with its consumer: " + outcome);
        assertEquals(outcome.consumersLimit() + 1, outcome.lostAtDelivery(), outcome.toString());
        assertFalse(outcome.deadLettered(), "the broker did not dead-letter it without a reason: " + outcome);
        assertEquals(outcome.consumersLimit() + 2, outcome.redeliveredAs(), "delivered again: " + outcome);
    }

    @Test
    void twoCapturesSettledOnTwoInstancesAtOnce_exactlyOnePrimary() throws Exception {
        CrossInstanceCaptures race = new CrossInstanceCaptures(stack);
        List<CrossInstanceCaptures.Outcome> tries = new ArrayList<>();
        // Which instance's consumer takes a message is the broker's choice: try until both did at once.
        for (int i = 0; i < 8 && tries.stream().noneMatch(t -> t.waiters().size() == 2); i++) {
            tries.add(race.once("LOCK-" + System.nanoTime()));
        }
        System.out.println("[chaos] row lock across instances: " + tries);
        assertTrue(tries.stream().anyMatch(t -> t.waiters().size() == 2),
                "a capture on each instance waited on the order's row at the same time: " + tries);
        for (CrossInstanceCaptures.Outcome t : tries) {
            assertEquals(List.of("DUPLICATE", "PRIMARY"), t.roles(), "one PRIMARY, the other refunded: " + t);
            assertEquals("PAID", t.status(), t.toString());
        }
    }
}
