package io.sparkfeed.questions;

import io.sparkfeed.accounts.PersonalData;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The questions module's part of a person's data: in the export, the questions one asked and the answers one gave
 * (the newest {@link #MAX} of each), hidden ones too, with the moderators' reason; when the account is deleted, both
 * go, and with one's questions the answers others gave to them (as comments go with a deleted post).
 */
@Component
class QuestionData implements PersonalData {

    static final int MAX = 10_000;

    record Asked(
            long id,
            long productId,
            Long postId,
            String body,
            Instant createdAt,
            boolean hidden,
            String hiddenReason) {}

    record Given(
            long id,
            long questionId,
            long productId,
            String body,
            AnswerBadge badge,
            Instant createdAt,
            boolean hidden,
            String hiddenReason) {}

    private final JdbcClient jdbc;

    QuestionData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "questions";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        List<Asked> asked = jdbc.sql("""
                        select id, product_id, post_id, body, created_at, hidden_at, hidden_reason
                        from product_questions where author_id = ? order by created_at desc, id desc limit ?""")
                .params(accountId, MAX)
                .query((rs, n) -> new Asked(
                        rs.getLong(1),
                        rs.getLong(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) != null,
                        rs.getString(7)))
                .list();
        List<Given> given = jdbc.sql("""
                        select a.id, a.question_id, q.product_id, a.body, a.badge, a.created_at, a.hidden_at,
                               a.hidden_reason
                        from product_answers a join product_questions q on q.id = a.question_id
                        where a.author_id = ? order by a.created_at desc, a.id desc limit ?""")
                .params(accountId, MAX)
                .query((rs, n) -> new Given(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        AnswerBadge.valueOf(rs.getString(5)),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) != null,
                        rs.getString(8)))
                .list();
        out.json("questions", Map.of("asked", asked, "answered", given));
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("delete from product_answers where author_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from product_questions where author_id = ?")
                .param(accountId)
                .update();
    }
}
