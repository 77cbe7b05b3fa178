package io.sparkfeed.accounts;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.mail.Outbox;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account deletion. A person asks with their password ({@link #schedule}); every other session and remember-me
 * cookie of the account ends, and the account waits {@link #GRACE}, during which it is unchanged for everyone and
 * logging in, or cancelling at {@code /me/data}, takes the request back. Once due, {@link #deleteDue} (a scheduled
 * job, one instance at a time) erases the account in one transaction per account: every module's rows
 * ({@link PersonalData#erase}: posts with their photos, comments, smiles, follows, collections, notifications; orders
 * are kept without name or address), its data exports and mails, then it anonymises the account row, which stays
 * because orders, invoices and the audit trail point at it, suspended so that no list, search or sitemap shows it,
 * and writes an audit entry.
 */
@Service
public class AccountDeletions {

    public static final Duration GRACE = Duration.ofDays(14);
    static final String AUDIT_ACTION = "ACCOUNT_DELETED";

    private static final Logger log = LoggerFactory.getLogger(AccountDeletions.class);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Accounts sessions;
    private final List<PersonalData> parts;
    private final DataExports exports;
    private final Outbox outbox;
    private final AuditLog audit;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountDeletions(
            JdbcClient jdbc,
            AccountRepository accounts,
            Passwords passwords,
            Accounts sessions,
            List<PersonalData> parts,
            DataExports exports,
            Outbox outbox,
            AuditLog audit,
            PasswordEncoder encoder,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.parts =
                parts.stream().sorted(Comparator.comparing(PersonalData::name)).toList();
        this.exports = exports;
        this.outbox = outbox;
        this.audit = audit;
        this.encoder = encoder;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Schedules the account's deletion {@link #GRACE} from now, if its password is given, and ends every session and
     * remember-me cookie of the account (the caller signs the person in again on this device). Asking again while it
     * is scheduled keeps the first date. Returns when it is due; a wrong password is refused ({@code current}) and
     * changes nothing.
     */
    @Transactional
    public Instant schedule(long accountId, String password) {
        Account account = accounts.findById(accountId).orElseThrow();
        passwords.requireCurrent(account, password);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into account_deletions (account_id, requested_at, due_at) values (?, ?, ?)
                        on conflict (account_id) do nothing""")
                .params(accountId, Timestamp.from(now), Timestamp.from(now.plus(GRACE)))
                .update();
        sessions.logOutEverywhere(accountId);
        return pending(accountId).orElseThrow();
    }

    /** When the account's deletion is due, if it is scheduled. */
    @Transactional(readOnly = true)
    public Optional<Instant> pending(long accountId) {
        return jdbc.sql("select due_at from account_deletions where account_id = ?")
                .param(accountId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** Takes back a scheduled deletion (the person cancelled, or logged in); false when none was scheduled. */
    @Transactional
    public boolean cancel(long accountId) {
        return jdbc.sql("delete from account_deletions where account_id = ?")
                        .param(accountId)
                        .update()
                == 1;
    }

    /**
     * Deletes every account whose grace period is over, each in a transaction of its own that another instance
     * skips; returns how many. An account whose deletion fails stays scheduled, to be tried at the next run.
     */
    public int deleteDue() {
        List<Long> failed = new ArrayList<>();
        int deleted = 0;
        while (true) {
            int before = failed.size();
            Optional<Long> done;
            try {
                done = transactions.execute(status -> deleteNext(failed));
            } catch (RuntimeException e) {
                if (failed.size() == before) {
                    throw e; // no account was claimed: the database itself failed
                }
                // deleteNext noted the account it was deleting before the exception rolled it back
                log.warn("Deleting account {} failed: {}", failed.get(before), e.toString());
                continue;
            }
            if (done == null || done.isEmpty()) {
                return deleted;
            }
            deleted++;
        }
    }

    private Optional<Long> deleteNext(List<Long> failed) {
        Instant now = clock.instant();
        Optional<Long> claimed = jdbc.sql("""
                        select account_id from account_deletions
                        where due_at <= ? and account_id <> all(?)
                        order by due_at limit 1 for update skip locked""")
                .params(Timestamp.from(now), failed.toArray(Long[]::new))
                .query(Long.class)
                .optional();
        if (claimed.isEmpty()) {
            return claimed;
        }
        long id = claimed.get();
        failed.add(id);
        Timestamp requested = jdbc.sql("select requested_at from account_deletions where account_id = ?")
                .param(id)
                .query(Timestamp.class)
                .single();
        for (PersonalData part : parts) {
            part.erase(id);
        }
        exports.forget(id);
        outbox.forget(id);
        anonymise(id, now);
        jdbc.sql("delete from account_deletions where account_id = ?").param(id).update();
        audit.record(id, AUDIT_ACTION, "ACCOUNT", id, null, "asked for at " + requested.toInstant());
        failed.remove(failed.size() - 1);
        return claimed;
    }

    /**
     * What stays of the account: an id that orders, invoices and the audit trail point at, a name made of it, no
     * address, a password nobody knows, and a suspension, so that no list, search or sitemap shows it and it cannot
     * log in; every session ends.
     */
    private void anonymise(long id, Instant now) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String unusable = encoder.encode(Base64.getEncoder().encodeToString(secret));
        jdbc.sql("""
                        update accounts set handle = 'deleted-' || id, display_name = 'deleted-' || id,
                            email = 'deleted-' || id || '@deleted.invalid', password_hash = :hash,
                            email_verified_at = null, brand_requested_at = null, admin = false,
                            enthusiast = 'NONE', suspended_at = coalesce(suspended_at, :now), deleted_at = :now,
                            session_version = session_version + 1, remember_me_version = remember_me_version + 1
                        where id = :id""")
                .param("hash", unusable)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }
}
