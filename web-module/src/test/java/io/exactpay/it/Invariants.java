package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks of the money invariants (docs/money-invariants.md) that every suite makes once it has finished its work. */
public final class Invariants {

    private static final long IN_DOUBT_AFTER_MILLIS = 10_000;

    private Invariants() {
    }

    /** Invariants 1-3 over the whole database, as the admin endpoint reports them. */
    public static void assertNoMoneyInvariantViolated() throws Exception {
        var response = Api.get("/api/v1/admin/invariants", Api.staffToken(DevelopmentTokens.SUPPORT));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, Api.json(response.body()).getInt("violations"), response.body());
    }

    /**
     * Invariant 5: no transaction stays prepared in the database or the broker. A branch between its
     * prepare and its commit is not in doubt yet (the system may still be busy settling); one still
     * prepared after {@link #IN_DOUBT_AFTER_MILLIS} is, and recovery must finish it.
     */
    public static void assertNoInDoubtTransactions() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long database;
        long broker;
        do {
            database = OrderDatabase.preparedTransactionsOlderThan(IN_DOUBT_AFTER_MILLIS);
            broker = Broker.preparedTransactionsOlderThan(IN_DOUBT_AFTER_MILLIS);
            if (database == 0 && broker == 0) return;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(0, database, "prepared transactions left in PostgreSQL (pg_prepared_xacts)");
        assertEquals(0, broker, "prepared transactions left in the broker");
    }
}
