package io.sparkfeed.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail's subject, HTML and text from {@code templates/mail/standard.html} and {@code .txt} with the
 * application's messages, in the mail's language: a greeting, the kind's body ({@code mail.<kind>.body} with one
 * argument), its link as a button and in full, and its closing line ({@code mail.<kind>.end}); optionally a list of {@code lines} (a digest's) and an
 * {@code unsubscribe} link with a {@code settings} link (notification mails). Two engines of their own, apart from the pages' engine: a mail
 * template is never a page, and a page name never resolves to a mail.
 */
@Component
class MailTemplates {

    /** A rendered mail. */
    record Rendered(String subject, String html, String text) {}

    private final MessageSource messages;
    private final SpringTemplateEngine html;
    private final SpringTemplateEngine text;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        this.html = engine(messages, TemplateMode.HTML, ".html");
        this.text = engine(messages, TemplateMode.TEXT, ".txt");
    }

    Rendered render(String template, Locale locale, Map<String, Object> values) {
        if (!template.matches("[a-z][A-Za-z0-9]{0,39}")) {
            throw new IllegalArgumentException("Not a mail template name: " + template);
        }
        Map<String, Object> all = new HashMap<>();
        all.put("link", null);
        all.put("arg", null);
        all.put("lines", null);
        all.put("unsubscribe", null);
        all.put("settings", null);
        all.putAll(values);
        all.put("kind", template);
        Context context = new Context(locale, all);
        return new Rendered(
                messages.getMessage("mail." + template + ".subject", null, locale),
                html.process("standard", context),
                text.process("standard", context));
    }

    private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
