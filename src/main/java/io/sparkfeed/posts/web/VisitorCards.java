package io.sparkfeed.posts.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sparkfeed.platform.OwnAttributesRequest;
import io.sparkfeed.posts.PostCard;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Feed cards as a visitor sees them, rendered once per version of the card and language, then served from memory:
 * a feed page's cost is rendering its cards, not reading them. The key is the whole card record (counts, tags,
 * stock, takedown included), so any change to what a card shows is a new key and a stale card is never served; old
 * versions are evicted by size. A signed-in reader's card (their smile, follow, bought marks and forms with the
 * CSRF token) is rendered for each request as before.
 * <p>
 * The card comes from the same fragment ({@code fragments/post :: card}) as for everyone else, rendered against
 * the current request with attributes of its own, so that nothing of the surrounding page leaks into a card
 * that other visitors will see.
 */
@Component("visitorCards")
class VisitorCards {

    /** About 4 KB a card: some 16 MB of cards at most. */
    private static final long MAX_CHARACTERS = 8_000_000;

    private final ITemplateEngine templates;
    private final ThymeleafEvaluationContext evaluation;
    private final Cache<Key, String> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, String html) -> html.length())
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    VisitorCards(ITemplateEngine templates, ApplicationContext context,
            @Qualifier("mvcConversionService") ConversionService conversions) {
        this.templates = templates;
        this.evaluation = new ThymeleafEvaluationContext(context, conversions);
    }

    private record Key(PostCard card, Locale locale, boolean withInterests) {
    }

    /**
     * The card's HTML for a visitor, in the request's language, with its interest links when the page has
     * {@code interestsById} (the same map on every page that has it; search has none).
     */
    public String html(PostCard card, Map<Integer, ?> interestsById) {
        Locale locale = LocaleContextHolder.getLocale();
        return rendered.get(new Key(card, locale, interestsById != null),
                key -> render(card, interestsById, locale));
    }

    private String render(PostCard card, Map<Integer, ?> interestsById, Locale locale) {
        var current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        var request = new OwnAttributesRequest(current.getRequest());
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, current.getResponse());
        var context = new WebContext(exchange, locale);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, evaluation);
        context.setVariable("post", card);
        context.setVariable("interestsById", interestsById);
        return templates.process("fragments/post", Set.of("card"), context);
    }
}
