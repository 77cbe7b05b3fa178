package io.sparkfeed.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the runtime database user to reading and writing rows. When Flyway migrates as the schema owner
 * ({@code spring.flyway.user}) and the application runs as another user ({@code spring.datasource.username}), the
 * owner grants that user the row privileges on every table and sequence after each migration (and by default on
 * the ones later migrations create), and takes back updating, deleting and truncating the audit trail. The runtime
 * user owns nothing, so it can neither drop nor disable the audit table's append-only trigger. With one user for
 * both, nothing is granted and a warning says that the audit trail is only as safe as that user's password.
 */
@Component
class RuntimeRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGrants.class);

    private final Environment environment;

    RuntimeRoleGrants(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String runtime =
                environment.getProperty("spring.datasource.username", "").strip();
        try {
            Connection owner = context.getConnection();
            String migrating = owner.getMetaData().getUserName();
            if (runtime.isEmpty() || runtime.equals(migrating)) {
                log.warn(
                        "The application uses the schema owner {} at runtime: it could drop the audit log's "
                                + "append-only trigger. Set spring.flyway.user to the owner and spring.datasource.username "
                                + "to a user with row privileges only (see README, external PostgreSQL).",
                        migrating);
                return;
            }
            grant(owner, quote(runtime), quote(context.getConfiguration().getTable()));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not grant the runtime database user " + runtime + " its privileges", e);
        }
    }

    private static void grant(Connection owner, String role, String history) throws SQLException {
        try (Statement sql = owner.createStatement()) {
            // instances of a cluster starting together grant at the same moment, and PostgreSQL refuses a second
            // concurrent change of the same privileges ("tuple concurrently updated"): one at a time, until the
            // grants are committed
            boolean transaction = !owner.getAutoCommit();
            sql.execute(transaction ? "select pg_advisory_xact_lock(48, 0)" : "select pg_advisory_lock(48, 0)");
            try {
                grantAll(sql, role, history);
            } finally {
                if (!transaction) {
                    sql.execute("select pg_advisory_unlock(48, 0)");
                }
            }
        }
    }

    private static void grantAll(Statement sql, String role, String history) throws SQLException {
        sql.execute("grant usage on schema public to " + role);
        sql.execute("grant select, insert, update, delete on all tables in schema public to " + role);
        sql.execute("grant usage, select on all sequences in schema public to " + role);
        sql.execute(
                "alter default privileges in schema public grant select, insert, update, delete on tables to " + role);
        sql.execute("alter default privileges in schema public grant usage, select on sequences to " + role);
        // the audit trail takes new rows only; the history of migrations is none of the runtime's business
        sql.execute("revoke update, delete, truncate on audit_entries from " + role);
        sql.execute("revoke all on " + history + " from " + role);
    }

    /** A role name as an SQL identifier, whatever characters it has. */
    static String quote(String role) {
        return '"' + role.replace("\"", "\"\"") + '"';
    }

    @Override
    public String getCallbackName() {
        return "runtime-role-grants";
    }
}
