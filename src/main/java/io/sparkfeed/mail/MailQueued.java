package io.sparkfeed.mail;

/** A mail was written to the outbox; after commit it is handed to the SMTP server at once. */
record MailQueued(long id) {}
