package io.sparkfeed.accounts;

/** Sign-up refused for a reason the form shows next to {@code field}. */
public class SignupRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public SignupRejectedException(String field, String messageKey) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
