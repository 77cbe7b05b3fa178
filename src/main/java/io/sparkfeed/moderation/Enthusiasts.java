package io.sparkfeed.moderation;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.platform.UserFacingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A Prime member applies to the enthusiast program and sees the outcome. */
@Service
public class Enthusiasts {

    static final String SELECT = """
            select e.id, e.account_id, a.handle, a.display_name, e.pitch, e.interests, e.links, e.status,
                   e.decision_reason, e.created_at, e.decided_at
            from enthusiast_applications e join account_names a on a.id = e.account_id
            """;

    private final Accounts accounts;
    private final Memberships memberships;
    private final JdbcClient jdbc;
    private final Clock clock;

    Enthusiasts(Accounts accounts, Memberships memberships, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account's latest application, if any. */
    @Transactional(readOnly = true)
    public Optional<EnthusiastApplication> latest(long accountId) {
        return jdbc.sql(SELECT + " where e.account_id = ? order by e.created_at desc, e.id desc limit 1")
                .param(accountId)
                .query(Enthusiasts::application)
                .optional();
    }

    /** Whether the account's enthusiast status was revoked: for good, so it cannot apply again. */
    @Transactional(readOnly = true)
    public boolean revoked(long accountId) {
        return accounts.enthusiastStatus(accountId) == EnthusiastStatus.REVOKED;
    }

    /**
     * Applies: Prime members only, one pending application at a time, not while already in the program
     * (approved or suspended), and never again after a revocation (it is for good).
     */
    @Transactional
    public long apply(long accountId, String pitch, String interests, String links) {
        if (!memberships.isPrime(accountId)) {
            throw new UserFacingException("enthusiasts.apply.primeOnly");
        }
        EnthusiastStatus status = accounts.enthusiastStatus(accountId);
        if (status == EnthusiastStatus.APPROVED || status == EnthusiastStatus.SUSPENDED) {
            throw new UserFacingException("enthusiasts.apply.already");
        }
        if (status == EnthusiastStatus.REVOKED) {
            throw new UserFacingException("enthusiasts.apply.revoked");
        }
        String p = strip(pitch);
        String i = strip(interests);
        String l = strip(links);
        if (p.length() < 20) {
            throw new UserFacingException("enthusiasts.apply.pitch.short");
        }
        if (p.length() > 2000) {
            throw new UserFacingException("enthusiasts.apply.pitch.long");
        }
        if (i.isEmpty() || i.length() > 500) {
            throw new UserFacingException("enthusiasts.apply.interests.invalid");
        }
        if (l.length() > 1000) {
            throw new UserFacingException("enthusiasts.apply.links.long");
        }
        if (latest(accountId).filter(EnthusiastApplication::pending).isPresent()) {
            throw new UserFacingException("enthusiasts.apply.pending");
        }
        try {
            return jdbc.sql("""
                            insert into enthusiast_applications (account_id, pitch, interests, links, created_at)
                            values (?, ?, ?, ?, ?) returning id""")
                    .params(accountId, p, i, l.isEmpty() ? null : l, Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        } catch (DataIntegrityViolationException concurrentSecondApplication) {
            throw new UserFacingException("enthusiasts.apply.pending");
        }
    }

    static EnthusiastApplication application(ResultSet rs, int n) throws SQLException {
        return new EnthusiastApplication(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
