package io.sparkfeed.feed.web;

import io.sparkfeed.accounts.AccountSummary;
import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.Interest;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.feed.AtomFeeds;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.posts.Hashtags;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.PostFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Atom feeds of the public lists: everyone's posts, a profile, a hashtag and an interest, each the newest
 * {@link AtomFeeds#ENTRIES} visible posts as a visitor sees them. The language comes from the URL only
 * ({@code ?lang=fr}, English otherwise), never from a cookie, so one URL is one document: feeds are public to caches
 * for a few minutes, open no session, and answer a conditional GET (ETag, Last-Modified) with 304.
 */
@Controller
class AtomFeedController {

    private final AtomFeeds atom;
    private final PostCards cards;
    private final Follows follows;
    private final Interests interests;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    AtomFeedController(
            AtomFeeds atom,
            PostCards cards,
            Follows follows,
            Interests interests,
            PublicUrl publicUrl,
            MessageSource messages) {
        this.atom = atom;
        this.cards = cards;
        this.follows = follows;
        this.interests = interests;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @GetMapping("/feeds/posts.atom")
    void everyone(
            @RequestParam(defaultValue = "") String lang, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Locale locale = language(lang);
        var head = new AtomFeeds.Head(FeedLinks.EVERYONE, "/", messages.getMessage("atom.everyone", null, locale));
        send(head, PostFilter.all(), locale, request, response);
    }

    @GetMapping("/feeds/profiles/{handle}.atom")
    void profile(
            @PathVariable String handle,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        AccountSummary profile = follows.profile(handle, null)
                .orElseThrow(() -> new NotFoundException("profile " + handle))
                .account();
        var head = new AtomFeeds.Head(
                FeedLinks.profile(profile.handle()),
                "/@" + profile.handle(),
                profile.displayName() + " (@" + profile.handle() + ")");
        send(head, new PostFilter.ByAuthor(profile.id()), language(lang), request, response);
    }

    @GetMapping("/feeds/tags/{tag}.atom")
    void hashtag(
            @PathVariable String tag,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String normalized = Hashtags.normalize(tag);
        if (normalized == null) {
            throw new NotFoundException("hashtag " + tag);
        }
        var head =
                new AtomFeeds.Head(FeedLinks.hashtag(normalized), FeedLinks.hashtagPage(normalized), "#" + normalized);
        send(head, new PostFilter.ByHashtag(normalized), language(lang), request, response);
    }

    @GetMapping("/feeds/interests/{slug}.atom")
    void interest(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Interest interest = interests.bySlug(slug);
        Locale locale = language(lang);
        var head = new AtomFeeds.Head(
                FeedLinks.interest(slug), "/interests/" + slug, messages.getMessage(interest.nameKey(), null, locale));
        send(head, new PostFilter.ByInterest(interest.id()), locale, request, response);
    }

    /** French for {@code fr}, English for anything else (the parameter is only compared, never kept). */
    private static Locale language(String lang) {
        return "fr".equals(lang) ? Locale.FRENCH : Locale.ENGLISH;
    }

    private void send(
            AtomFeeds.Head head,
            PostFilter filter,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var posts = cards.page(filter, null, AtomFeeds.ENTRIES, null).posts();
        atom.write(head, posts, publicUrl.base(request), locale).send(request, response);
    }
}
