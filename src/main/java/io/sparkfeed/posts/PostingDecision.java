package io.sparkfeed.posts;

/**
 * The posting policy's answer: allowed, or the first rule that stops the account with what to do about it
 * ({@code actionKey} and {@code actionUrl} are null when nothing can be done from here).
 */
public record PostingDecision(
        boolean allowed, String reasonKey, Object[] reasonArguments, String actionKey, String actionUrl) {

    static PostingDecision allow() {
        return new PostingDecision(true, null, new Object[0], null, null);
    }

    static PostingDecision refuse(String reasonKey, String actionKey, String actionUrl, Object... arguments) {
        return new PostingDecision(false, reasonKey, arguments, actionKey, actionUrl);
    }
}
