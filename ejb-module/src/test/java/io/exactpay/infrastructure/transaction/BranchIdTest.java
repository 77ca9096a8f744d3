package io.exactpay.infrastructure.transaction;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BranchIdTest {

    /** A branch that a chaos run left prepared, as pg_prepared_xacts showed it. */
    private static final String GID = "4871251_mwEAAKkMUzNleGFjdHBheS1hLHNlcnZlcixQMTAw_ZXhhY3RwYXktYSxzZXJ2ZXIsUDEwMCwA";

    @Test
    void readsTheDriversGid() {
        IncompleteTransactions.BranchId id = IncompleteTransactions.BranchId.parse(GID);
        assertEquals(4871251, id.getFormatId());
        assertEquals("exactpay-a,server,P100,\0", new String(id.getBranchQualifier(), StandardCharsets.ISO_8859_1));
        byte[] global = id.getGlobalTransactionId();
        assertEquals("exactpay-a,server,P100",
                new String(global, global.length - 22, 22, StandardCharsets.ISO_8859_1));
        assertEquals(GID, id.gid());
    }

    @Test
    void belongsToTheInstanceItsQualifierNames() {
        IncompleteTransactions.BranchId id = IncompleteTransactions.BranchId.parse(GID);
        assertTrue(id.qualifierStartsWith("exactpay-a,server,P100"));
        assertFalse(id.qualifierStartsWith("exactpay-b,server,P100"));
        assertFalse(id.qualifierStartsWith(""), "no recovery name owns every branch");
    }

    @Test
    void anIdTheDriverDidNotWriteIsNobodys() {
        assertNull(IncompleteTransactions.BranchId.parse("manual-maintenance"));
        assertNull(IncompleteTransactions.BranchId.parse("1_abc'; drop table orders; --_x"));
        assertNull(IncompleteTransactions.BranchId.parse("1_!!!_AAAA"));
    }

    @Test
    void theCallerCannotChangeTheId() {
        IncompleteTransactions.BranchId id = IncompleteTransactions.BranchId.parse(GID);
        id.getBranchQualifier()[0] = 'X';
        assertArrayEquals("exactpay-a,server,P100,\0".getBytes(StandardCharsets.ISO_8859_1), id.getBranchQualifier());
    }
}
