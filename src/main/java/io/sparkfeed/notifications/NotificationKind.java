package io.sparkfeed.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of notification, each with how it is mailed unless the person chose otherwise. The one list the
 * settings page, the instant mails, the digest and the unsubscribe links read: a new kind is one line here (and its
 * label, {@code notifications.mail.kind.<kind>}, and its line, {@code notification.<kind>}, in the messages).
 */
public enum NotificationKind {
    SMILE(Delivery.DIGEST),
    COMMENT(Delivery.INSTANT),
    FOLLOW(Delivery.DIGEST),
    PURCHASE(Delivery.INSTANT),
    ORDER_EXPIRED(Delivery.INSTANT),
    POST_HIDDEN(Delivery.INSTANT),
    COMMENT_HIDDEN(Delivery.INSTANT),
    ENTHUSIAST_APPROVED(Delivery.INSTANT),
    ENTHUSIAST_DECLINED(Delivery.INSTANT);

    /** How a kind of notification is mailed. */
    public enum Delivery {
        /** Not mailed: it shows on the notifications page only. */
        OFF,
        /** A mail for each notification, as it happens. */
        INSTANT,
        /** Listed in the daily digest. */
        DIGEST
    }

    private final Delivery byDefault;

    NotificationKind(Delivery byDefault) {
        this.byDefault = byDefault;
    }

    public Delivery byDefault() {
        return byDefault;
    }

    /** The kind's name on the settings page and the unsubscribe page. */
    public String labelKey() {
        return "notifications.mail.kind." + name().toLowerCase(Locale.ROOT);
    }

    /** What a notification of this kind says (after its actor's name, when it has one). */
    public String lineKey() {
        return "notification." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NotificationKind> of(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }
}
