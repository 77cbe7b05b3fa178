package io.sparkfeed.moderation;

import io.sparkfeed.platform.NotFoundException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds what a report points at, through the views posts, questions and accounts publish ({@code post_facts},
 * {@code comment_facts}, {@code question_facts}, {@code answer_facts}, {@code account_names}), so that reporting needs
 * no new API in those modules.
 */
@Component
class Subjects {

    private final JdbcClient jdbc;

    Subjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The item if it exists; {@code visibleOnly} leaves out hidden posts and comments, and the comments under a
     * hidden post (hidden with it for everyone but admins).
     */
    Optional<ReportSubject> find(ReportTarget target, long id, boolean visibleOnly) {
        String sql;
        if (target == ReportTarget.POST) {
            sql = """
                    select p.author_id, a.handle, p.caption, null::bigint as post_id from post_facts p
                    join account_names a on a.id = p.author_id
                    where p.id = :id and (not :visible or p.hidden_at is null)""";
        } else if (target == ReportTarget.COMMENT) {
            sql = """
                    select c.author_id, a.handle, c.body, c.post_id from comment_facts c
                    join account_names a on a.id = c.author_id join post_facts p on p.id = c.post_id
                    where c.id = :id and (not :visible or (c.hidden_at is null and p.hidden_at is null))""";
        } else if (target == ReportTarget.QUESTION) {
            sql = """
                    select q.author_id, a.handle, q.body, null::bigint as post_id from question_facts q
                    join account_names a on a.id = q.author_id
                    where q.id = :id and (not :visible or q.hidden_at is null)""";
        } else if (target == ReportTarget.ANSWER) {
            sql = """
                    select x.author_id, a.handle, x.body, x.question_id from answer_facts x
                    join account_names a on a.id = x.author_id join question_facts q on q.id = x.question_id
                    where x.id = :id and (not :visible or (x.hidden_at is null and q.hidden_at is null))""";
        } else {
            sql = """
                    select a.id, a.handle, a.display_name, null::bigint as post_id from account_names a
                    where a.id = :id""";
        }
        return jdbc.sql(sql)
                .param("id", id)
                .param("visible", visibleOnly)
                .query((rs, n) -> new ReportSubject(
                        target,
                        id,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4)))
                .optional();
    }

    /** Whether a post or comment is hidden itself (false for an account or an unknown item). */
    boolean hidden(ReportTarget target, long id) {
        if (target == ReportTarget.ACCOUNT) {
            return false;
        }
        String sql = switch (target) {
            case POST -> "select hidden_at is not null from post_facts where id = ?";
            case QUESTION -> "select hidden_at is not null from question_facts where id = ?";
            case ANSWER -> "select hidden_at is not null from answer_facts where id = ?";
            default -> "select hidden_at is not null from comment_facts where id = ?";
        };
        return jdbc.sql(sql).param(id).query(Boolean.class).optional().orElse(false);
    }

    ReportSubject get(ReportTarget target, long id, boolean visibleOnly) {
        return find(target, id, visibleOnly).orElseThrow(() -> new NotFoundException(target + " " + id));
    }
}
