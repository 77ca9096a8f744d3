package io.exactpay.bench;

import io.exactpay.server.Settings;
import org.postgresql.xa.PGXADataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connections to the benchmark's own database, as the application's user. */
final class BenchDatabase {

    private BenchDatabase() {
    }

    static Connection connect(Settings s) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + s.get("db.host") + ":" + s.get("db.port") + "/"
                + s.get("db.name"), s.get("db.user"), s.get("db.password"));
    }

    static PGXADataSource xaDataSource(Settings s) {
        PGXADataSource dataSource = new PGXADataSource();
        dataSource.setServerNames(new String[] {s.get("db.host")});
        dataSource.setPortNumbers(new int[] {s.getInt("db.port")});
        dataSource.setDatabaseName(s.get("db.name"));
        dataSource.setUser(s.get("db.user"));
        dataSource.setPassword(s.get("db.password"));
        return dataSource;
    }
}
