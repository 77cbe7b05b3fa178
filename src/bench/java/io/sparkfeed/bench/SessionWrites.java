package io.sparkfeed.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rows the signed-in reading phases write to the sessions tables (Spring Session JDBC: {@code spring_session} and
 * {@code spring_session_attributes}), from PostgreSQL's own counters ({@code pg_stat_user_tables}: rows inserted,
 * updated and deleted) read before and after those phases, when the benchmark is given the instance's database:
 * {@code -DdbUrl=jdbc:postgresql://host:port/db -DdbUser=... -DdbPassword=...} (any user may read the counters).
 */
final class SessionWrites {

    /** PostgreSQL publishes a connection's counters after at most this long idle (PGSTAT_IDLE_INTERVAL, 10 s). */
    static final int SETTLE_SECONDS = 11;

    private static final String ROWS = "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
            + " from pg_stat_user_tables where relname in ('spring_session', 'spring_session_attributes')";

    private final String url = System.getProperty("dbUrl", "");
    private final String user = System.getProperty("dbUser", "");
    private final String password = System.getProperty("dbPassword", "");
    private volatile long before = -1;
    private volatile long after = -1;

    boolean enabled() {
        return !url.isBlank();
    }

    void before() {
        before = rows();
    }

    void after() {
        after = rows();
    }

    /** The report's line: rows written per signed-in page view, the sign-ins' own writes included. */
    String report(int pageViews, int signIns) {
        if (!enabled()) {
            return "Session writes: not measured (give -DdbUrl, -DdbUser and -DdbPassword of the instance's database).";
        }
        if (before < 0 || after < 0 || pageViews == 0) {
            return "Session writes: not measured (the signed-in reading phases did not run).";
        }
        long written = after - before;
        return "Session writes: %d rows written to spring_session* during %d signed-in page views and their %d sign-ins: %.3f per page view"
                .formatted(written, pageViews, signIns, (double) written / pageViews);
    }

    private long rows() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(ROWS)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            System.err.println("Session writes: cannot read " + url + ": " + e.getMessage());
            return -1;
        }
    }
}
