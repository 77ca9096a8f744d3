package io.exactpay.legacy;

import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;

import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the recovery manager an XA resource of the legacy database on every recovery pass, so
 * that transactions prepared there ({@code pg_prepared_xacts}) are committed or rolled back as the
 * transaction log says. One connection per pass; the previous pass's is closed first.
 */
final class DatabaseRecovery implements XAResourceRecoveryHelper {

    private static final Logger LOG = Logger.getLogger(DatabaseRecovery.class.getName());

    private final XADataSource database;
    private XAConnection connection;

    DatabaseRecovery(XADataSource database) {
        this.database = database;
    }

    @Override
    public boolean initialise(String p) {
        return true;
    }

    @Override
    public synchronized XAResource[] getXAResources() {
        close();
        try {
            connection = database.getXAConnection();
            return new XAResource[] {connection.getXAResource()};
        } catch (SQLException e) {
            // The database is down: nothing to recover now, the next pass tries again.
            LOG.log(Level.WARNING, "Legacy database not reachable for recovery: " + e.getMessage());
            return new XAResource[0];
        }
    }

    synchronized void close() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Closing the recovery connection", e);
        }
        connection = null;
    }
}
