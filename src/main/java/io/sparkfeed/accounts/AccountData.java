package io.sparkfeed.accounts;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The accounts module's part of a data export: the account itself, and whom it follows and who follows it. */
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
}
