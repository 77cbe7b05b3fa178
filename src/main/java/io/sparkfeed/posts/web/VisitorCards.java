package io.sparkfeed.posts.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sparkfeed.platform.OwnAttributesRequest;
import io.sparkfeed.posts.PostCard;
import java.time.Duration;
import java.util.List;
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
 * a feed page's cost is rendering its cards, not reading them. An entry keeps the card record it was rendered from
 * (counts, tags, stock, takedown included) and is used only while the card read for this page is equal to it, so
 * any change to what a card shows renders it again and a stale card is never served. Looking a card up by its id
 * and comparing it once costs far less than hashing the whole record. A signed-in reader's card (their smile,
 * follow, bought marks and forms with the CSRF token) is rendered for each request as before.
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
    private final ApplicationContext context;
    private final ConversionService conversions;
    private final Cache<Key, Rendered> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, Rendered card) -> card.html().length())
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    VisitorCards(
            ITemplateEngine templates,
            ApplicationContext context,
            @Qualifier("mvcConversionService") ConversionService conversions) {
        this.templates = templates;
        this.context = context;
        this.conversions = conversions;
    }

    private record Key(long postId, Locale locale, boolean withInterests) {}

    private record Rendered(PostCard card, String html) {}

    /**
     * The cards' HTML for a visitor, in order and in the request's language, with their interest links when the
     * page has {@code interestsById} (the same map on every page that has it; search has none). One call a page.
     */
    public String html(List<PostCard> cards, Map<Integer, ?> interestsById) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean withInterests = interestsById != null;
        StringBuilder html = new StringBuilder(cards.size() * 4_096);
        for (PostCard card : cards) {
            Key key = new Key(card.id(), locale, withInterests);
            Rendered known = rendered.getIfPresent(key);
            if (known == null || !known.card().equals(card)) {
                known = new Rendered(card, render(card, interestsById, locale));
                rendered.put(key, known);
            }
            html.append(known.html()).append('\n');
        }
        return html.toString();
    }

    private String render(PostCard card, Map<Integer, ?> interestsById, Locale locale) {
        var current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        var request = new OwnAttributesRequest(current.getRequest());
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, current.getResponse());
        var page = new WebContext(exchange, locale);
        // one evaluation context per rendering, as Spring's view does per page: Thymeleaf sets the expression
        // objects (#strings, #temporals...) of the rendering on it, so a shared one let parallel renderings see
        // each other's, or none (measured: 2 errors in 10,000 cards under load)
        page.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversions));
        page.setVariable("post", card);
        page.setVariable("interestsById", interestsById);
        return templates.process("fragments/post", Set.of("card"), page);
    }
}
