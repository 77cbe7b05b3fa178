package io.sparkfeed.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to send: to whom (and which account, if any), its kind (the messages {@code mail.<kind>.subject},
 * {@code .body}, {@code .button} and {@code .end}), the language, the values it shows ({@code name}, and optionally
 * {@code link} and {@code arg}, the body's argument), and extra headers (such as {@code List-Unsubscribe}).
 */
public record OutgoingMail(
        String to,
        Long accountId,
        String template,
        Locale locale,
        Map<String, Object> values,
        Map<String, String> headers) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        locale = locale == null ? Locale.ENGLISH : locale;
        values = Map.copyOf(values);
        headers = Map.copyOf(headers);
    }

    public static OutgoingMail of(
            String to, Long accountId, String template, Locale locale, Map<String, Object> values) {
        return new OutgoingMail(to, accountId, template, locale, values, Map.of());
    }
}
