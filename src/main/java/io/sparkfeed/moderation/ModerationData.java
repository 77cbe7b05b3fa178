package io.sparkfeed.moderation;

import io.sparkfeed.accounts.PersonalData;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The moderation module's part of a person's data: the reports one filed and one's enthusiast applications, in
 * one's own words. Erasing deletes the applications and the words of one's reports; the reports themselves stay,
 * as moderation records of the (anonymised) account.
 */
@Component
class ModerationData implements PersonalData {

    record Report(String targetType, long targetId, String reason, String details, String status, Instant createdAt) {}

    record Application(
            String pitch, String interests, String links, String status, String decisionReason, Instant createdAt) {}

    private final JdbcClient jdbc;

    ModerationData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "moderation";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        out.json(
                "moderation",
                Map.of(
                        "reports",
                        jdbc.sql("""
                                        select target_type, target_id, reason, details, status, created_at
                                        from reports where reporter_id = ? order by created_at, id""")
                                .param(accountId)
                                .query((rs, row) -> new Report(
                                        rs.getString(1),
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        instant(rs, 6)))
                                .list(),
                        "enthusiastApplications",
                        jdbc.sql("""
                                        select pitch, interests, links, status, decision_reason, created_at
                                        from enthusiast_applications where account_id = ? order by created_at, id""")
                                .param(accountId)
                                .query((rs, row) -> new Application(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        instant(rs, 6)))
                                .list()));
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("delete from enthusiast_applications where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from enthusiast_hidden_posts where account_id = ?")
                .param(accountId)
                .update();
        // a report of reason OTHER must say something: it keeps an empty text
        jdbc.sql("update reports set details = case when reason = 'OTHER' then '' end where reporter_id = ?")
                .param(accountId)
                .update();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
