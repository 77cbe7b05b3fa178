package io.sparkfeed.moderation;

import io.sparkfeed.platform.NotFoundException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds what a report points at. A read model over the posts, comments and accounts tables (as the audit log
 * reads account handles), so that reporting needs no new API in those modules.
 */
@Component
class Subjects {

    private final JdbcClient jdbc;

    Subjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The item if it exists; {@code visibleOnly} leaves out hidden posts and comments. */
    Optional<ReportSubject> find(ReportTarget target, long id, boolean visibleOnly) {
        String sql;
        if (target == ReportTarget.POST) {
            sql = """
                    select p.author_id, a.handle, p.caption, null::bigint as post_id from posts p
                    join accounts a on a.id = p.author_id where p.id = :id and (not :visible or p.hidden_at is null)""";
        } else if (target == ReportTarget.COMMENT) {
            sql = """
                    select c.author_id, a.handle, c.body, c.post_id from comments c
                    join accounts a on a.id = c.author_id where c.id = :id and (not :visible or c.hidden_at is null)""";
        } else {
            sql = "select a.id, a.handle, a.display_name, null::bigint as post_id from accounts a where a.id = :id";
        }
        return jdbc.sql(sql).param("id", id).param("visible", visibleOnly)
                .query((rs, n) -> new ReportSubject(target, id, rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4)))
                .optional();
    }

    ReportSubject get(ReportTarget target, long id, boolean visibleOnly) {
        return find(target, id, visibleOnly).orElseThrow(() -> new NotFoundException(target + " " + id));
    }
}
