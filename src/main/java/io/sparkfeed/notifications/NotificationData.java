package io.sparkfeed.notifications;

import io.sparkfeed.accounts.PersonalData;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** The notifications module's part of a data export: what one was told (at most the newest 10,000). */
@Component
class NotificationData implements PersonalData {

    static final int MAX = 10_000;

    private final Notifications notifications;

    NotificationData(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        out.json("notifications", notifications.latest(accountId, MAX));
    }
}
