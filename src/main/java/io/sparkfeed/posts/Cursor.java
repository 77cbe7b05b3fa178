package io.sparkfeed.posts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A keyset position in a newest-first list: the (created_at, id) of the last item shown. Written in links as
 * {@code micros-id}. A request parameter of this type is read by {@code posts.web.CursorParameter}: blank is
 * "from the start", anything else not written by us is a 400.
 */
public record Cursor(Instant createdAt, long id) {

    /** The cursor written as {@code text}, or null when it is not one. */
    public static Cursor parse(String text) {
        if (text == null || !text.matches("\\d{1,19}-\\d{1,19}")) {
            return null;
        }
        try {
            String[] parts = text.split("-");
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(parts[1]));
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "-" + id;
    }
}
