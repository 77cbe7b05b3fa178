package io.sparkfeed.notifications;

import io.sparkfeed.accounts.PersonalData;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications module's part of a person's data: what one was told (at most the newest 10,000). Erasing deletes
 * what one was told, what others were told about one (a smile or follow that no longer exists), and one's mail
 * choices.
 */
@Component
class NotificationData implements PersonalData {

    static final int MAX = 10_000;

    private final Notifications notifications;
    private final JdbcClient jdbc;

    NotificationData(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        out.json("notifications", notifications.latest(accountId, MAX));
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("delete from notifications where recipient_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from notifications where actor_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from notification_preferences where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from notification_mailing where account_id = ?")
                .param(accountId)
                .update();
    }
}
