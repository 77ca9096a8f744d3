package io.exactpay.it;

import io.exactpay.server.DevelopmentTokens;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks of DESIGN.md section 2 that every suite makes once it has finished its work. */
public final class Invariants {

    private Invariants() {
    }

    /** Invariants 1-3 over the whole database, as the admin endpoint reports them. */
    public static void assertNoMoneyInvariantViolated() throws Exception {
        var response = Api.get("/api/v1/admin/invariants", Api.staffToken(DevelopmentTokens.SUPPORT));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, Api.json(response.body()).getInt("violations"), response.body());
    }

    /** Invariant 5: no transaction stays prepared in the database or the broker. */
    public static void assertNoInDoubtTransactions() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long database;
        long broker;
        do {
            // A transaction between its prepare and its commit is not in doubt yet; give it time.
            database = OrderDatabase.inDoubtTransactions();
            broker = Broker.preparedTransactions();
            if (database == 0 && broker == 0) return;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(0, database, "prepared transactions left in PostgreSQL (pg_prepared_xacts)");
        assertEquals(0, broker, "prepared transactions left in the broker");
    }
}
