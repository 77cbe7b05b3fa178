package io.sparkfeed.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of the report queue, in the order asked for, and where the next page starts (null on the last page).
 */
public record QueuePage(List<QueueItem> items, Position next) {

    /** A keyset position in the queue: the first report time, then type and id of the last item shown. */
    public record Position(Instant firstReportedAt, ReportTarget target, long targetId) {

        private static final Pattern TEXT = Pattern.compile("(\\d{1,19})-(POST|COMMENT|ACCOUNT)-(\\d{1,19})");

        /** Reads {@code micros-TARGET-id}, as written in links; null for anything else. */
        public static Position parse(String text) {
            Matcher m = text == null ? null : TEXT.matcher(text);
            if (m == null || !m.matches()) {
                return null;
            }
            try {
                return new Position(
                        Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS),
                        ReportTarget.valueOf(m.group(2)),
                        Long.parseLong(m.group(3)));
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return ChronoUnit.MICROS.between(Instant.EPOCH, firstReportedAt) + "-" + target.name() + "-" + targetId;
        }
    }
}
