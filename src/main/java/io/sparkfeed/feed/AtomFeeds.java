package io.sparkfeed.feed;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.TaggedProduct;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a list of posts as an Atom feed (RFC 4287) with Rome: the public feed, a profile, a hashtag, an interest,
 * and any list of posts to come (a collection gives its own {@link Head} and cards). Each entry carries the photo
 * (an {@code enclosure} link, and an {@code <img>} with its alt text in the content), the caption, the disclosure
 * and the tagged products with their prices; links are absolute, from the site's public address.
 *
 * <p>The document comes back whole, with a strong ETag (a hash of its bytes) and the time of its newest entry, so a
 * controller can answer a conditional GET with 304 before sending anything.
 */
@Component
public class AtomFeeds {

    /** Entries in a feed: the newest posts only (a reader polls; it does not page back). */
    public static final int ENTRIES = 20;

    public static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";

    private final MessageSource messages;

    AtomFeeds(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * What a feed is about: its own path ({@code /feeds/tags/cozy.atom}, also its id), the path of the page it
     * mirrors ({@code /tags/cozy}) and its title.
     */
    public record Head(String path, String pagePath, String title) {}

    /** A written feed: its bytes, its ETag (quoted) and when its newest entry was published. */
    public record Rendered(byte[] body, String etag, Instant lastModified) {

        /**
         * Answers the request with the feed, public to caches for a few minutes, or with 304 Not Modified when the
         * reader sent back its ETag or Last-Modified.
         */
        public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader(HttpHeaders.CACHE_CONTROL, FEW_MINUTES.getHeaderValue());
            if (new ServletWebRequest(request, response).checkNotModified(etag, lastModified.toEpochMilli())) {
                return;
            }
            response.setContentType(MEDIA_TYPE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static final CacheControl FEW_MINUTES =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    /**
     * The feed of these posts (at most {@link #ENTRIES}), in the reader's language; {@code base} is the site's
     * public address without a trailing slash.
     */
    public Rendered write(Head head, List<PostCard> posts, String base, Locale locale) {
        List<PostCard> shown = posts.size() > ENTRIES ? posts.subList(0, ENTRIES) : posts;
        String language = locale.getLanguage();
        String self = base + head.path() + ("en".equals(language) ? "" : "?lang=" + language);
        Instant newest = shown.stream()
                .map(PostCard::createdAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH)
                .truncatedTo(ChronoUnit.SECONDS);

        var feed = new Feed("atom_1.0");
        feed.setId(self);
        feed.setTitle(head.title() + " · " + message("app.name", locale));
        feed.setSubtitle(text(message("atom.subtitle", locale)));
        feed.setUpdated(Date.from(newest));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", base + head.pagePath())));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", self)));
        feed.setAuthors(List.of(person(message("app.name", locale), base + "/")));
        feed.setIcon(base + "/img/favicon.svg");
        List<Entry> entries = new ArrayList<>(shown.size());
        for (PostCard post : shown) {
            entries.add(entry(post, base, locale));
        }
        feed.setEntries(entries);

        byte[] body;
        try {
            // Rome's Atom writer leaves out the feed's language: it goes on the root element as xml:lang
            Document xml = new WireFeedOutput().outputJDom(feed);
            xml.getRootElement().setAttribute("lang", language, Namespace.XML_NAMESPACE);
            body = new XMLOutputter(Format.getCompactFormat().setEncoding("UTF-8"))
                    .outputString(xml)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed " + head.path(), e);
        }
        return new Rendered(body, etag(body), newest);
    }

    private Entry entry(PostCard post, String base, Locale locale) {
        String url = base + "/posts/" + post.id();
        var entry = new Entry();
        entry.setId(url);
        entry.setTitle(
                post.caption().isBlank()
                        ? message("post.title", locale, post.author().displayName())
                        : post.excerpt());
        entry.setPublished(Date.from(post.createdAt()));
        entry.setUpdated(Date.from(post.createdAt()));
        entry.setAuthors(List.of(
                person(post.author().displayName(), base + "/@" + post.author().handle())));
        Link photo = link("enclosure", "image/jpeg", base + post.image().largestUrl());
        photo.setTitle(post.altText());
        entry.setAlternateLinks(List.of(link("alternate", "text/html", url)));
        entry.setOtherLinks(List.of(photo));
        var content = new Content();
        content.setType(Content.HTML);
        content.setValue(html(post, base, locale));
        entry.setContents(List.of(content));
        return entry;
    }

    /** The entry's HTML: the photo with its alt text, the disclosure, the caption, the tagged products. */
    private String html(PostCard post, String base, Locale locale) {
        var html = new StringBuilder();
        html.append("<p><img src=\"")
                .append(escape(base + post.image().largestUrl()))
                .append("\" alt=\"")
                .append(escape(post.altText()))
                .append("\" width=\"")
                .append(post.image().width())
                .append("\" height=\"")
                .append(post.image().height())
                .append("\"></p>");
        if (post.disclosed()) {
            String key = post.disclosure() == Disclosure.PAID ? "post.disclosure.paid" : "post.disclosure.gifted";
            html.append("<p><strong>")
                    .append(escape(message(key, locale, post.disclosureBrand())))
                    .append("</strong></p>");
        }
        if (!post.caption().isBlank()) {
            html.append("<p>").append(escape(post.caption())).append("</p>");
        }
        if (!post.tags().isEmpty()) {
            html.append("<p>")
                    .append(escape(message("post.inThisPhoto", locale)))
                    .append("</p><ul>");
            for (TaggedProduct tag : post.tags()) {
                html.append("<li><a href=\"")
                        .append(escape(base + "/products/" + tag.product().id()))
                        .append("\">")
                        .append(escape(
                                tag.product().brand() + " · " + tag.product().title()))
                        .append("</a>: ")
                        .append(escape(price(tag.product().price(), locale) + " "
                                + tag.product().currency()))
                        .append("</li>");
            }
            html.append("</ul>");
        }
        return html.toString();
    }

    private static String price(BigDecimal amount, Locale locale) {
        var format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static Content text(String value) {
        var content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, String href) {
        var link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static SyndPerson person(String name, String uri) {
        var person = new Person();
        person.setName(name);
        person.setUri(uri);
        return person;
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
