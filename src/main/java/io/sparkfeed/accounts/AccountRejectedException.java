package io.sparkfeed.accounts;

/** A sign-up or a password change refused for a reason the form shows next to {@code field}. */
public class AccountRejectedException extends RuntimeException {

    private final String field;
    private final String messageKey;

    public AccountRejectedException(String field, String messageKey) {
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
