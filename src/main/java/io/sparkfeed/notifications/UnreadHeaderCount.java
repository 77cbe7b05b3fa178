package io.sparkfeed.notifications;

import io.sparkfeed.accounts.HeaderCount;
import org.springframework.stereotype.Component;

/** The number of unread notifications of the signed-in account, on the bell in the page header. */
@Component
class UnreadHeaderCount implements HeaderCount {

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public String sql() {
        return "(select count(*) from notifications n where n.recipient_id = :id and n.read_at is null)";
    }
}
