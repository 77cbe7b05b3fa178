package io.sparkfeed.accounts;

import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The interests an account picked (at least five, as Amazon Spark asked) and its personal-feed preferences. */
@Service
public class Interests {

    public static final int MINIMUM = 5;

    private final JdbcClient jdbc;
    private volatile List<Interest> all;

    Interests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every interest; fixed by a migration, so read once and kept in memory. */
    public List<Interest> all() {
        List<Interest> loaded = all;
        if (loaded == null) {
            loaded = jdbc.sql("select id, slug from interests order by position")
                    .query((rs, n) -> new Interest(rs.getInt(1), rs.getString(2)))
                    .list();
            all = loaded;
        }
        return loaded;
    }

    /** Whether every one of these ids names an interest. */
    public boolean allExist(Collection<Integer> ids) {
        Set<Integer> known = new HashSet<>();
        all().forEach(interest -> known.add(interest.id()));
        return known.containsAll(ids);
    }

    @Transactional(readOnly = true)
    public Set<Integer> of(long accountId) {
        return new LinkedHashSet<>(
                jdbc.sql("select interest_id from account_interests where account_id = ? order by interest_id")
                        .param(accountId)
                        .query(Integer.class)
                        .list());
    }

    public Interest bySlug(String slug) {
        return all().stream()
                .filter(i -> i.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("interest " + slug));
    }

    @Transactional(readOnly = true)
    public boolean hidesPurchased(long accountId) {
        return jdbc.sql("select hide_purchased from accounts where id = ?")
                .param(accountId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    /** Replaces the account's interests; refuses fewer than five, or an interest that does not exist. */
    @Transactional
    public void choose(long accountId, Collection<Integer> interestIds, boolean hidePurchased) {
        Set<Integer> chosen = new LinkedHashSet<>(interestIds);
        if (chosen.size() < MINIMUM) {
            throw new UserFacingException("interests.tooFew", MINIMUM);
        }
        if (!allExist(chosen)) {
            throw new UserFacingException("interests.unknown");
        }
        jdbc.sql("delete from account_interests where account_id = ?")
                .param(accountId)
                .update();
        for (Integer id : chosen) {
            jdbc.sql("insert into account_interests (account_id, interest_id) values (?, ?)")
                    .params(accountId, id)
                    .update();
        }
        jdbc.sql("update accounts set hide_purchased = ? where id = ?")
                .params(hidePurchased, accountId)
                .update();
    }
}
