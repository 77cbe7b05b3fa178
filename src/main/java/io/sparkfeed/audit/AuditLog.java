package io.sparkfeed.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so an admin action and its
 * entry are committed together or not at all. The table refuses updates and deletes (a trigger set by Flyway).
 */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(AuditEntryRepository entries, JdbcClient jdbc, Clock clock) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long actorId, String action, String targetType, long targetId, String reason, String details) {
        entries.save(new AuditEntry(actorId, action, targetType, targetId, reason, details, clock.instant()));
    }

    /** Newest first, optionally only one action or one target type; {@code before} is a keyset cursor (an id). */
    @Transactional(readOnly = true)
    public List<AuditRecord> list(String action, String targetType, Long before, int size) {
        return jdbc.sql("""
                        select e.id, e.created_at, e.actor_id, a.handle, e.action, e.target_type, e.target_id,
                               e.reason, e.details
                        from audit_entries e join account_names a on a.id = e.actor_id
                        where (:action = '' or e.action = :action) and (:targetType = '' or e.target_type = :targetType)
                          and e.id < :before
                        order by e.id desc
                        limit :size""")
                .param("action", emptyIfNull(action))
                .param("targetType", emptyIfNull(targetType))
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("size", size)
                .query((rs, n) -> new AuditRecord(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_entries order by action")
                .query(String.class)
                .list();
    }

    private static String emptyIfNull(String value) {
        return value == null ? "" : value.strip();
    }
}
