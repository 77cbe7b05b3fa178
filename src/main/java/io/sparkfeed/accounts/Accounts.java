package io.sparkfeed.accounts;

import io.sparkfeed.audit.AuditLog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens accounts and answers who an account is. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final MembershipRepository memberships;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final List<HeaderCount> headerCounts;
    private final String currentSql;
    private final boolean requireVerifiedEmail;

    Accounts(
            AccountRepository accounts,
            MembershipRepository memberships,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            List<HeaderCount> headerCounts,
            @Value("${sparkfeed.accounts.require-verified-email:true}") boolean requireVerifiedEmail) {
        this.requireVerifiedEmail = requireVerifiedEmail;
        this.headerCounts = List.copyOf(headerCounts);
        this.currentSql = currentSql(this.headerCounts);
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.memberships = memberships;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
    }

    /**
     * Opens an account. Refuses, with the field and the reason, a weak password or an email or handle already
     * taken (whatever its case, and also when two sign-ups race for the same one).
     */
    @Transactional
    public long register(NewAccount request) {
        String email = request.email().strip();
        String handle = stripAt(request.handle().strip());
        passwordPolicy.problem(request.password(), email, handle).ifPresent(problem -> {
            throw new AccountRejectedException("password", problem);
        });
        if (accounts.emailTaken(email)) {
            throw new AccountRejectedException("email", "signup.email.taken");
        }
        if (accounts.handleTaken(handle)) {
            throw new AccountRejectedException("handle", "signup.handle.taken");
        }
        try {
            Account account = accounts.save(new Account(
                    email,
                    handle,
                    request.displayName().strip(),
                    passwordEncoder.encode(request.password()),
                    request.kind(),
                    request.emailVerified(),
                    clock.instant()));
            return account.id();
        } catch (DataIntegrityViolationException race) {
            String message = String.valueOf(race.getMostSpecificCause().getMessage());
            throw message.contains("accounts_email_key")
                    ? new AccountRejectedException("email", "signup.email.taken")
                    : new AccountRejectedException("handle", "signup.handle.taken");
        }
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> findByHandle(String handle) {
        return accounts.findByHandle(stripAt(handle))
                .map(account -> summary(
                        account,
                        !memberships.activeFor(account.id(), clock.instant()).isEmpty()));
    }

    @Transactional(readOnly = true)
    public AccountSummary get(long id) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
        return summary(account, !memberships.activeFor(id, clock.instant()).isEmpty());
    }

    /** The summaries of many accounts in two statements, whatever their number. */
    @Transactional(readOnly = true)
    public Map<Long, AccountSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Set<Long> unique = new HashSet<>(ids);
        Set<Long> prime = new HashSet<>(memberships.primeAmong(unique, clock.instant()));
        return accounts.findByIdIn(unique).stream()
                .map(account -> summary(account, prime.contains(account.id())))
                .collect(Collectors.toMap(AccountSummary::id, Function.identity()));
    }

    /**
     * Of these accounts, the ones that may be mailed notifications, by id, in one statement: an unverified address
     * gets only the mails of its own account (verification, password), and a suspended account gets none.
     */
    @Transactional(readOnly = true)
    public Map<Long, MailRecipient> mailRecipients(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select id, email, display_name from accounts
                        where id = any(?) and email_verified_at is not null and suspended_at is null""")
                .param(ids.stream().distinct().toArray(Long[]::new))
                .query((rs, row) -> new MailRecipient(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .stream()
                .collect(Collectors.toMap(MailRecipient::id, Function.identity()));
    }

    /**
     * Who is signed in, with their Prime status now and the counts of the page header ({@link HeaderCount}); empty
     * when the account is gone or suspended. One statement: every page pays for it.
     */
    @Transactional(readOnly = true)
    public Optional<CurrentAccount> current(long id) {
        return jdbc.sql(currentSql)
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    Map<String, Long> counts = new HashMap<>();
                    for (int i = 0; i < headerCounts.size(); i++) {
                        counts.put(headerCounts.get(i).name(), rs.getLong(CURRENT_COLUMNS + 1 + i));
                    }
                    return new CurrentAccount(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            AccountKind.valueOf(rs.getString(4)),
                            rs.getBoolean(5),
                            EnthusiastStatus.valueOf(rs.getString(6)),
                            rs.getString(7) == null ? null : Plan.valueOf(rs.getString(7)),
                            rs.getTimestamp(8) == null
                                    ? null
                                    : rs.getTimestamp(8).toInstant(),
                            rs.getInt(9),
                            rs.getBoolean(10),
                            rs.getInt(11),
                            requireVerifiedEmail && rs.getBoolean(12),
                            Map.copyOf(counts),
                            HomeFeed.valueOf(rs.getString(13)));
                })
                .optional();
    }

    private static final int CURRENT_COLUMNS = 13;

    private static String currentSql(List<HeaderCount> counts) {
        StringBuilder extra = new StringBuilder();
        for (HeaderCount count : counts) {
            if (!count.name().matches("[a-z]{1,30}")) {
                throw new IllegalStateException("A header count's name must be lower case letters: " + count.name());
            }
            extra.append(", ").append(count.sql()).append(" as count_").append(count.name());
        }
        return """
                select a.id, a.handle, a.display_name, a.kind, a.admin, a.enthusiast, m.plan, m.ends_at,
                       (select count(*) from account_interests i where i.account_id = a.id), a.hide_purchased,
                       a.session_version, a.email_verified_at is null, a.home_feed%s
                from accounts a
                left join lateral (select plan, ends_at from memberships
                                   where account_id = a.id and starts_at <= :now and ends_at > :now
                                   order by (plan = 'PAID') desc, ends_at desc limit 1) m on true
                where a.id = :id and a.suspended_at is null""".formatted(extra);
    }

    /** The tab the front page opens on for this account from now on. */
    @Transactional
    public void chooseHomeFeed(long id, HomeFeed feed) {
        jdbc.sql("update accounts set home_feed = ? where id = ? and home_feed <> ?")
                .params(feed.name(), id, feed.name())
                .update();
    }

    /** The account's mail address (its settings show it). */
    @Transactional(readOnly = true)
    public String email(long id) {
        return accounts.findById(id).orElseThrow().email();
    }

    /**
     * Refuses what only a verified address may do (post, comment, follow) while the account's address is not verified
     * and {@code sparkfeed.accounts.require-verified-email} is on.
     */
    @Transactional(readOnly = true)
    public void requireVerifiedEmail(long id) {
        if (requireVerifiedEmail
                && jdbc.sql("select email_verified_at is null from accounts where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false)) {
            throw new UserFacingException("account.verifyEmail.required");
        }
    }

    /**
     * Ends every session and remember-me cookie of the account, on every device and instance: each session is
     * signed out at its next request, because it holds an older session version (see SessionAccountFilter).
     */
    @Transactional
    public void logOutEverywhere(long id) {
        jdbc.sql("""
                        update accounts set session_version = session_version + 1,
                                            remember_me_version = remember_me_version + 1
                        where id = ?""").param(id).update();
    }

    @Transactional(readOnly = true)
    public List<AccountAdminView> listForAdmin(String query, int size) {
        return adminViews(accounts.search(query == null ? "" : query.strip(), PageRequest.ofSize(size)));
    }

    /** The accounts that signed up as brands and wait for an admin, oldest request first. */
    @Transactional(readOnly = true)
    public List<AccountAdminView> brandRequests(int size) {
        return adminViews(accounts.findBrandRequests(PageRequest.ofSize(size)));
    }

    private List<AccountAdminView> adminViews(List<Account> found) {
        Instant now = clock.instant();
        Set<Long> prime = found.isEmpty()
                ? Set.of()
                : new HashSet<>(
                        memberships.primeAmong(found.stream().map(Account::id).toList(), now));
        return found.stream()
                .map(a -> new AccountAdminView(
                        a.id(),
                        a.email(),
                        a.handle(),
                        a.displayName(),
                        a.kind(),
                        a.admin(),
                        a.enthusiast(),
                        prime.contains(a.id()),
                        a.suspended(),
                        a.brandRequested(),
                        a.createdAt()))
                .toList();
    }

    /** Used by the demo seeder and by admins: makes an account an administrator. */
    @Transactional
    public void makeAdmin(long id) {
        accounts.findById(id)
                .orElseThrow(() -> new NotFoundException("account " + id))
                .makeAdmin();
    }

    /** An admin turns a person's account into a brand's (which never posts), or back; audited with the reason. */
    @Transactional
    public void changeKind(long adminId, long id, AccountKind kind, String reason) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
        if (account.kind() != kind || account.brandRequested()) {
            account.changeKind(kind);
            audit.record(adminId, "ACCOUNT_KIND_CHANGED", "ACCOUNT", id, reason, kind.name());
        }
    }

    @Transactional
    public void changeEnthusiastStatus(long id, EnthusiastStatus status) {
        accounts.findById(id)
                .orElseThrow(() -> new NotFoundException("account " + id))
                .changeEnthusiast(status);
    }

    /** Suspends an account (moderation audits it); false when it was suspended already. */
    @Transactional
    public boolean suspend(long id, String reason) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
        if (account.suspended()) {
            return false;
        }
        account.suspend(reason, clock.instant());
        return true;
    }

    /** Lifts a suspension; false when the account was not suspended, or is a deleted account's remains. */
    @Transactional
    public boolean reinstate(long id) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
        boolean deleted = jdbc.sql("select deleted_at is not null from accounts where id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
        if (!account.suspended() || deleted) {
            return false;
        }
        account.reinstate();
        return true;
    }

    @Transactional(readOnly = true)
    public EnthusiastStatus enthusiastStatus(long id) {
        return accounts.findById(id)
                .orElseThrow(() -> new NotFoundException("account " + id))
                .enthusiast();
    }

    static String stripAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    private static AccountSummary summary(Account account, boolean prime) {
        return new AccountSummary(
                account.id(),
                account.handle(),
                account.displayName(),
                account.kind(),
                account.enthusiast() == EnthusiastStatus.APPROVED,
                prime,
                account.suspended());
    }
}
