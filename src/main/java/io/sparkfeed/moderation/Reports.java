package io.sparkfeed.moderation;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.platform.UserFacingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signed-in accounts report posts, comments and accounts, and follow what became of their reports. */
@Service
public class Reports {

    static final int MAX_DETAILS = 1000;

    private final Subjects subjects;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reports(Subjects subjects, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.subjects = subjects;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the reporter is about to report; a hidden or unknown item is a 404. */
    @Transactional(readOnly = true)
    public ReportSubject subject(ReportTarget target, long targetId) {
        return subjects.get(target, targetId, true);
    }

    /**
     * Files a report. Refused for one's own content or account, without a reason, with {@code OTHER} and no text,
     * while the same reporter has an open report on the same item (a unique index holds under concurrency), and
     * for a suspended account (the security filter ends its session first; this holds for any other caller). The
     * report keeps the item's author, who can still be suspended if the item is deleted.
     */
    @Transactional
    public long file(long reporterId, ReportTarget target, long targetId, ReportReason reason, String details) {
        if (accounts.get(reporterId).suspended()) {
            throw new UserFacingException("report.suspended");
        }
        ReportSubject subject = subjects.get(target, targetId, true);
        if (subject.authorId() == reporterId) {
            throw new UserFacingException("report.self");
        }
        if (reason == null) {
            throw new UserFacingException("report.reason.required");
        }
        String text = details == null ? "" : details.strip();
        if (reason == ReportReason.OTHER && text.isEmpty()) {
            throw new UserFacingException("report.details.required");
        }
        if (text.length() > MAX_DETAILS) {
            throw new UserFacingException("report.details.tooLong");
        }
        return jdbc.sql("""
                        insert into reports (reporter_id, target_type, target_id, reason, details, author_id,
                                             created_at)
                        values (:reporter, :type, :target, :reason, :details, :author, :now)
                        on conflict (reporter_id, target_type, target_id) where status = 'OPEN' do nothing
                        returning id""")
                .param("reporter", reporterId)
                .param("type", target.name())
                .param("target", targetId)
                .param("reason", reason.name())
                .param("details", text.isEmpty() ? null : text)
                .param("author", subject.authorId())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new UserFacingException("report.alreadyOpen"));
    }

    /** The reporter's own reports, newest first. */
    @Transactional(readOnly = true)
    public List<MyReport> mine(long reporterId) {
        return jdbc.sql("""
                        select id, target_type, target_id, reason, created_at, outcome, handled_at from reports
                        where reporter_id = ? order by created_at desc, id desc limit 200""")
                .param(reporterId)
                .query((rs, n) -> new MyReport(
                        rs.getLong(1),
                        ReportTarget.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        ReportReason.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6) == null ? null : ReportOutcome.valueOf(rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }
}
