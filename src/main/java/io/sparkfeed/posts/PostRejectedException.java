package io.sparkfeed.posts;

import io.sparkfeed.platform.UserFacingException;

/** A post's content broke a rule; {@code field} names the form field to show the message next to. */
public class PostRejectedException extends UserFacingException {

    private final String field;

    public PostRejectedException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
