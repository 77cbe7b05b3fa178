package io.sparkfeed.accounts;

/** An account that may be mailed notifications: its address is verified and it is not suspended. */
public record MailRecipient(long id, String email, String displayName) {}
