package io.sparkfeed.accounts;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts module's part of a person's data: the account itself, and whom it follows and who follows it. Erasing
 * deletes the follows both ways, the chosen interests and the mailed tokens; the account row is anonymised by
 * {@link AccountDeletions}, and the memberships stay (they point at paid invoices, and name nobody).
 */
@Component
class AccountData implements PersonalData {

    record Profile(
            String handle, String displayName, String email, String kind, Instant createdAt, Instant emailVerifiedAt) {}

    record Follow(String handle, Instant since) {}

    private final JdbcClient jdbc;

    AccountData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "account";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        Profile profile = jdbc.sql("""
                        select handle, display_name, email, kind, created_at, email_verified_at
                        from accounts where id = ?""")
                .param(accountId)
                .query((rs, row) -> new Profile(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .single();
        out.json("account", profile);
        out.json("follows", Map.of("following", follows(accountId, true), "followers", follows(accountId, false)));
    }

    private List<Follow> follows(long accountId, boolean following) {
        String sql = following ? """
                        select a.handle, f.created_at from follows f join accounts a on a.id = f.followed_id
                        where f.follower_id = ? order by f.created_at""" : """
                        select a.handle, f.created_at from follows f join accounts a on a.id = f.follower_id
                        where f.followed_id = ? order by f.created_at""";
        return jdbc.sql(sql)
                .param(accountId)
                .query((rs, row) ->
                        new Follow(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("delete from follows where follower_id = ? or followed_id = ?")
                .params(accountId, accountId)
                .update();
        jdbc.sql("delete from account_interests where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from account_tokens where account_id = ?")
                .param(accountId)
                .update();
    }
}
