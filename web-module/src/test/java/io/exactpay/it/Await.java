package io.exactpay.it;

/**
 * Waiting for something a user could observe (a row, a delivery, a log line), up to a deadline,
 * instead of sleeping for a guessed time: a fast run goes on at once, a slow one still waits long
 * enough, and a condition that never comes fails with what was awaited.
 */
public final class Await {

    /** A check that may read the database, the broker or the sandbox. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Returns as soon as the condition holds; fails naming it once {@code timeoutMillis} have passed. */
    public static void until(String what, long timeoutMillis, Condition condition) throws Exception {
        if (!within(timeoutMillis, condition)) throw new AssertionError("not within " + timeoutMillis + " ms: " + what);
    }

    /** Whether the condition came to hold within {@code timeoutMillis}, for callers that report rather than fail. */
    public static boolean within(long timeoutMillis, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) return condition.holds();
            Thread.sleep(100);
        }
        return true;
    }
}
