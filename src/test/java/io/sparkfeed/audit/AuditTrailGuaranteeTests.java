package io.sparkfeed.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.TestDatabase;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's guarantee holds against the application's own database user: it does not own the schema, so
 * it can neither drop nor switch off the append-only trigger, and it has no right to change or remove an entry.
 */
class AuditTrailGuaranteeTests extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    private long entry;

    @BeforeEach
    void oneEntry() {
        long admin = fixtures.admin().id();
        transactions.executeWithoutResult(status -> audit.record(admin, "TEST_ENTRY", "ACCOUNT", admin, "why", null));
        entry = jdbc.sql("select max(id) from audit_entries where actor_id = ?")
                .param(admin)
                .query(Long.class)
                .single();
    }

    @Test
    void theApplicationRunsAsAUserThatOwnsNothing() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(TestDatabase.RUNTIME_ROLE);
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_entries'")
                        .query(String.class)
                        .single())
                .isNotEqualTo(TestDatabase.RUNTIME_ROLE);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void theRuntimeUserCannotDropOrDisableTheTrigger() {
        for (String attack : new String[] {
            "drop trigger audit_entries_no_update on audit_entries",
            "drop trigger audit_entries_no_truncate on audit_entries",
            "alter table audit_entries disable trigger audit_entries_no_update",
            "alter table audit_entries disable trigger all",
            "drop function audit_entries_are_append_only() cascade",
            "create or replace function audit_entries_are_append_only() returns trigger language plpgsql "
                    + "as $$ begin return old; end; $$",
            "drop table audit_entries cascade"
        }) {
            assertThatThrownBy(() -> jdbc.sql(attack).update())
                    .as(attack)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageMatching("(?s).*(must be owner|permission denied).*");
        }
        assertThat(jdbc.sql("select count(*) from pg_trigger where tgrelid = 'audit_entries'::regclass "
                                + "and not tgisinternal and tgenabled = 'O'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theRuntimeUserCannotChangeOrRemoveEntries() {
        for (String attack : new String[] {
            "update audit_entries set reason = 'nothing happened' where id = " + entry,
            "delete from audit_entries where id = " + entry,
            "truncate audit_entries"
        }) {
            assertThatThrownBy(() -> jdbc.sql(attack).update())
                    .as(attack)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied");
        }
        assertThat(jdbc.sql("select reason from audit_entries where id = ?")
                        .param(entry)
                        .query(String.class)
                        .single())
                .isEqualTo("why");
    }

    @Test
    void theRuntimeUserCannotRewriteTheMigrationHistory() {
        assertThatThrownBy(() -> jdbc.sql("delete from flyway_schema_history").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void evenTheSchemaOwnerCannotChangeAnEntry() throws Exception {
        TestDatabase.Connection database = TestDatabase.get();
        try (var owner = DriverManager.getConnection(
                        database.url(), database.ownerUsername(), database.ownerPassword());
                var sql = owner.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update audit_entries set reason = 'x' where id = " + entry))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("delete from audit_entries where id = " + entry))
                    .hasMessageContaining("append-only");
        }
    }
}
