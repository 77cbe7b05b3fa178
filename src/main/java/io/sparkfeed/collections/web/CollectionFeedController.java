package io.sparkfeed.collections.web;

import io.sparkfeed.collections.CollectionItem;
import io.sparkfeed.collections.CollectionPage;
import io.sparkfeed.collections.Collections;
import io.sparkfeed.feed.AtomFeeds;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.posts.PostCards;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Atom feed of a public collection: the posts saved last, as a visitor sees them, written by {@link AtomFeeds}
 * (language from the URL only, public to caches for a few minutes, 304 for a reader that sends its ETag back). A
 * private collection has no feed (404).
 */
@Controller
class CollectionFeedController {

    private final Collections collections;
    private final PostCards cards;
    private final AtomFeeds atom;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    CollectionFeedController(
            Collections collections, PostCards cards, AtomFeeds atom, PublicUrl publicUrl, MessageSource messages) {
        this.collections = collections;
        this.cards = cards;
        this.atom = atom;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    static String path(long id) {
        return "/feeds/collections/" + id + ".atom";
    }

    @GetMapping("/feeds/collections/{id}.atom")
    void feed(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Locale locale = "fr".equals(lang) ? Locale.FRENCH : Locale.ENGLISH;
        CollectionPage page = collections.page(id, null, null, AtomFeeds.ENTRIES);
        if (!page.collection().shared()) {
            throw new NotFoundException("collection " + id);
        }
        List<Long> postIds = page.items().stream()
                .map(CollectionItem::postId)
                .filter(Objects::nonNull)
                .toList();
        var posts = cards.withProducts(postIds, List.of(), null).posts();
        String title = page.collection().byDefault()
                ? messages.getMessage("collections.saved", null, locale)
                : page.collection().name();
        var head = new AtomFeeds.Head(
                path(id),
                "/collections/" + id,
                title + " (@" + page.collection().ownerHandle() + ")");
        atom.write(head, posts, publicUrl.base(request), locale).send(request, response);
    }
}
