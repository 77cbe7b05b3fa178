package io.sparkfeed.posts;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.CurrentAccount;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.accounts.Plan;
import io.sparkfeed.accounts.PrimeStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Whether an account may post now, and if not, which rule stops it (see {@link PostingRules}). */
@Component
public class PostingPolicy {

    private final Accounts accounts;
    private final Memberships memberships;
    private final ObjectProvider<SpendingLedger> ledger;
    private final PostingProperties settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    PostingPolicy(
            Accounts accounts,
            Memberships memberships,
            ObjectProvider<SpendingLedger> ledger,
            PostingProperties settings,
            JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.ledger = ledger;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PostingDecision check(Long accountId) {
        if (accountId == null) {
            return PostingRules.decide(
                    new PostingFacts(false, false, null, false, BigDecimal.ZERO, EnthusiastStatus.NONE, 0, false),
                    settings);
        }
        Optional<CurrentAccount> current = accounts.current(accountId);
        if (current.isEmpty()) {
            return PostingRules.decide(
                    new PostingFacts(true, true, null, false, BigDecimal.ZERO, EnthusiastStatus.NONE, 0, false),
                    settings);
        }
        CurrentAccount account = current.get();
        Plan plan = memberships.status(accountId).map(PrimeStatus::plan).orElse(null);
        SpendingLedger spending = ledger.getIfAvailable();
        BigDecimal spent = spending == null ? BigDecimal.ZERO : spending.lifetimeSpend(accountId);
        long recent = jdbc.sql("select count(*) from post_publications where author_id = ? and published_at > ?")
                .params(accountId, Timestamp.from(clock.instant().minus(Duration.ofHours(24))))
                .query(Long.class)
                .single();
        return PostingRules.decide(
                new PostingFacts(
                        true,
                        false,
                        plan,
                        account.brand(),
                        spent,
                        account.enthusiastStatus(),
                        recent,
                        account.emailPending()),
                settings);
    }

    public PostingProperties settings() {
        return settings;
    }
}
