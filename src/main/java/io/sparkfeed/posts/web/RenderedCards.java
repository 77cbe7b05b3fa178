package io.sparkfeed.posts.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sparkfeed.accounts.CurrentAccount;
import io.sparkfeed.platform.OwnAttributesRequest;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.TaggedProduct;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.support.RequestContext;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Feed cards rendered once per version of the card, language and kind of reader, then served from memory: a feed
 * page's cost is rendering its cards, not reading them.
 * <p>
 * An entry keeps the card record it was rendered from (counts, tags, stock, takedown, and the reader's own smile,
 * follow, save and bought marks) and is used only while the card read for this page is equal to it, so any change to
 * what a card shows renders it again and a stale card is never served. Looking a card up and comparing it once
 * costs far less than hashing the whole record.
 * <p>
 * A signed-in reader's card differs from a visitor's by its buttons and forms, which depend on the reader only
 * through {@link Reader}: a Prime member smiles, a Prime person follows others, and anyone signed in adds to the
 * cart. The entry's key holds that, the reader's own marks (smiled, following, saved, bought) and why For you shows them the card (the page's
 * {@code reasons}), so two readers in the same state share one rendering. The forms' CSRF token is rendered as a placeholder and replaced by the request's own token for each
 * page: the only part of a card that belongs to one request.
 * <p>
 * The card comes from the same fragment ({@code fragments/post :: card}) as anywhere else, rendered against the
 * current request with attributes of its own, so that nothing of the surrounding page leaks into a card that other
 * readers will see; the fragment sees {@code me} only as a {@link Reader}.
 */
@Component("renderedCards")
class RenderedCards {

    /** About 4 KB a card: some 24 MB of cards at most. */
    private static final long MAX_CHARACTERS = 12_000_000;

    /** Stands for the request's CSRF token in a cached card: letters only, so that escaping leaves it alone. */
    private static final String TOKEN_PLACEHOLDER = "sparkfeedCsrfTokenPlaceholder";

    private final ITemplateEngine templates;
    private final ApplicationContext context;
    private final ConversionService conversions;
    private final Cache<Key, Rendered> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key key, Rendered card) -> card.html().length())
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    RenderedCards(
            ITemplateEngine templates,
            ApplicationContext context,
            @Qualifier("mvcConversionService") ConversionService conversions) {
        this.templates = templates;
        this.context = context;
        this.conversions = conversions;
    }

    /**
     * The reader as a card's buttons see them: the fragment's {@code me}, null for a visitor. {@code id} is only
     * compared with the author's (one's own card has no follow button), which {@link Key#ownCard} stands for.
     */
    public record Reader(long id, boolean prime, boolean brand) {}

    private record Key(
            long postId,
            Locale locale,
            boolean withInterests,
            boolean signedIn,
            boolean prime,
            boolean brand,
            boolean ownCard,
            boolean smiled,
            boolean following,
            boolean saved,
            long bought,
            Object why,
            boolean lead) {}

    private record Rendered(PostCard card, String html) {}

    /**
     * The cards' HTML for this reader ({@code me}, null for a visitor), in order and in the request's language,
     * with their interest links when the page has {@code interestsById} (the same map on every page that has it;
     * search has none). One call a page. The first card of a page (not of one that htmx appends as the reader
     * scrolls) is the lead: the first photo the reader sees, fetched first, where the others wait until they come
     * near the screen.
     */
    public String html(List<PostCard> cards, Map<Integer, ?> interestsById, CurrentAccount me, Map<Long, ?> reasons) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean withInterests = interestsById != null;
        Reader reader = me == null ? null : new Reader(me.id(), me.prime(), me.brand());
        boolean appended = currentRequest().getHeader("HX-Request") != null;
        StringBuilder html = new StringBuilder(cards.size() * 4_096);
        for (PostCard card : cards) {
            Object why = reader == null || reasons == null ? null : reasons.get(card.id());
            boolean lead = !appended && html.isEmpty();
            Key key = key(card, locale, withInterests, reader, why, lead);
            Rendered known = rendered.getIfPresent(key);
            if (known == null || !known.card().equals(card)) {
                known = new Rendered(card, render(card, interestsById, locale, reader, why, lead));
                rendered.put(key, known);
            }
            html.append(known.html()).append('\n');
        }
        return reader == null ? html.toString() : withToken(html);
    }

    private static Key key(
            PostCard card, Locale locale, boolean withInterests, Reader reader, Object why, boolean lead) {
        if (reader == null) {
            return new Key(
                    card.id(), locale, withInterests, false, false, false, false, false, false, false, 0, null, lead);
        }
        long bought = 0;
        List<TaggedProduct> tags = card.tags();
        for (int i = 0; i < tags.size() && i < Long.SIZE; i++) {
            if (tags.get(i).boughtByViewer()) {
                bought |= 1L << i;
            }
        }
        return new Key(
                card.id(),
                locale,
                withInterests,
                true,
                reader.prime(),
                reader.brand(),
                reader.id() == card.author().id(),
                card.smiledByViewer(),
                card.followingAuthor(),
                card.savedByViewer(),
                bought,
                why,
                lead);
    }

    /** The page's cards with this request's CSRF token in their forms. */
    private static String withToken(StringBuilder html) {
        HttpServletRequest request = currentRequest();
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String value = token == null ? "" : token.getToken();
        int at = html.indexOf(TOKEN_PLACEHOLDER);
        while (at >= 0) {
            html.replace(at, at + TOKEN_PLACEHOLDER.length(), value);
            at = html.indexOf(TOKEN_PLACEHOLDER, at + value.length());
        }
        return html.toString();
    }

    private String render(
            PostCard card, Map<Integer, ?> interestsById, Locale locale, Reader reader, Object why, boolean lead) {
        var current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest real = current.getRequest();
        var request = new OwnAttributesRequest(real);
        request.setAttribute(
                DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE,
                real.getAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE));
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, current.getResponse());
        var page = new WebContext(exchange, locale);
        // one evaluation context per rendering, as Spring's view does per page: Thymeleaf sets the expression
        // objects (#strings, #temporals...) of the rendering on it, so a shared one let parallel renderings see
        // each other's, or none (measured: 2 errors in 10,000 cards under load)
        page.setVariable(
                ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, conversions));
        if (reader != null) {
            // forms get their hidden CSRF field from the request context, as in a page; here with the placeholder
            var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", TOKEN_PLACEHOLDER);
            request.setAttribute(CsrfToken.class.getName(), token);
            request.setAttribute("_csrf", token);
            var requestContext = new RequestContext(request, current.getResponse(), request.getServletContext(), null);
            page.setVariable(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
            page.setVariable(
                    SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
                    new SpringWebMvcThymeleafRequestContext(requestContext, request));
        }
        page.setVariable("me", reader);
        page.setVariable("post", card);
        page.setVariable("interestsById", interestsById);
        page.setVariable("reasons", why == null ? null : Map.of(card.id(), why));
        page.setVariable("leadCard", lead);
        return templates.process("fragments/post", Set.of("card"), page);
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
