package io.exactpay.infrastructure.persistence;

import java.sql.SQLException;

/** PostgreSQL's answer to a lock wait longer than the transaction's {@code lock_timeout}. */
final class LockTimeout {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private LockTimeout() {
    }

    static boolean isCauseOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
