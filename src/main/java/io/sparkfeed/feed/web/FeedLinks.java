package io.sparkfeed.feed.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.web.util.UriUtils;

/**
 * Where the Atom feeds live, and the discovery link a page puts in its head ({@code <link rel="alternate"
 * type="application/atom+xml">}), in the page's language.
 */
final class FeedLinks {

    static final String EVERYONE = "/feeds/posts.atom";

    /** A feed to announce in a page's head: its address (relative, with the language) and its title. */
    record FeedLink(String href, String title) {}

    private FeedLinks() {}

    static String profile(String handle) {
        return "/feeds/profiles/" + segment(handle) + ".atom";
    }

    static String hashtag(String tag) {
        return "/feeds/tags/" + segment(tag) + ".atom";
    }

    /** The page of a hashtag, its name encoded for a path. */
    static String hashtagPage(String tag) {
        return "/tags/" + segment(tag);
    }

    static String interest(String slug) {
        return "/feeds/interests/" + segment(slug) + ".atom";
    }

    static FeedLink link(String path, String title, Locale locale) {
        return new FeedLink("fr".equals(locale.getLanguage()) ? path + "?lang=fr" : path, title);
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
