package io.sparkfeed.platform;

/**
 * A business rule said no. Carries a message key (and arguments) from messages.properties so the
 * controller can show the reason on the page instead of an error page.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public UserFacingException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
