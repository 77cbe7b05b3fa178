/**
 * Outgoing mail. A mail is rendered (HTML and text, in the recipient's language) and written to the outbox table in
 * the transaction of what caused it, then delivered after commit over SMTP ({@code spring.mail.*}) and retried from
 * the outbox until it goes. With no SMTP configured, each mail is logged and stays readable at
 * {@code /admin/outbox}. The root package is the API: {@link io.sparkfeed.mail.Outbox} and
 * {@link io.sparkfeed.mail.OutgoingMail}.
 */
@ApplicationModule(displayName = "Mail")
package io.sparkfeed.mail;

import org.springframework.modulith.ApplicationModule;
