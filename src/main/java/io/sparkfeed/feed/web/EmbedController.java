package io.sparkfeed.feed.web;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.platform.StrictNumbers;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostCards;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Posts and products on other sites: an embeddable card ({@code /embed/posts/{id}}, {@code /embed/products/{id}}),
 * the one kind of page that may be framed by any site (its own security chain, see SecurityConfig), and the oEmbed
 * endpoint ({@code /oembed?url=…}, JSON) that gives a site the {@code <iframe>} for a post's or a product's address.
 * Both show what a visitor sees; hidden posts do not exist here.
 */
@Controller
class EmbedController {

    /** The widest card: an embed is a card, not a page. */
    static final int MAX_WIDTH = 480;

    static final int MAX_URL = 2048;

    /** What the card adds below the photo (author, caption, products, link), in CSS pixels, for the iframe's height. */
    private static final int TEXT_HEIGHT = 220;

    private static final Pattern EMBEDDABLE = Pattern.compile("/(posts|products)/([1-9][0-9]{0,17})/?");

    private static final Duration CACHE_AGE = Duration.ofMinutes(5);

    private static final CacheControl FEW_MINUTES =
            CacheControl.maxAge(CACHE_AGE).cachePublic();

    private final PostCards cards;
    private final Catalog catalog;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    EmbedController(PostCards cards, Catalog catalog, PublicUrl publicUrl, MessageSource messages) {
        this.cards = cards;
        this.catalog = catalog;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    @GetMapping("/embed/posts/{id}")
    String post(@PathVariable long id, HttpServletRequest request, Model model) {
        PostCard post = visiblePost(id);
        model.addAttribute("post", post);
        model.addAttribute("pageUrl", publicUrl.of(request, "/posts/" + id));
        return "embed/post";
    }

    @GetMapping("/embed/products/{id}")
    String product(@PathVariable long id, HttpServletRequest request, Model model) {
        model.addAttribute("product", catalog.get(id));
        model.addAttribute("pageUrl", publicUrl.of(request, "/products/" + id));
        return "embed/product";
    }

    /**
     * oEmbed 1.0 for the address of a post or a product of this site: a {@code rich} answer with the card's
     * iframe. {@code maxwidth}/{@code maxheight} are whole numbers from 1 to 99999 and the card is never wider than
     * {@value #MAX_WIDTH}; {@code format} is {@code json} or absent (anything else: 501, as the specification
     * says); an address that is not an embeddable page here: 404.
     */
    @GetMapping("/oembed")
    @ResponseBody
    ResponseEntity<Map<String, Object>> oembed(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String maxwidth,
            @RequestParam(required = false) String maxheight,
            @RequestParam(required = false) String format,
            HttpServletRequest request,
            Locale locale) {
        if (format != null && !"json".equals(format)) {
            return problem(HttpStatus.NOT_IMPLEMENTED, "oembed.format", locale);
        }
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return problem(HttpStatus.BAD_REQUEST, "oembed.url", locale);
        }
        int maxWidth = size(maxwidth);
        int maxHeight = size(maxheight);
        if (maxWidth < 1 || maxHeight < 1) {
            return problem(HttpStatus.BAD_REQUEST, "oembed.size", locale);
        }
        String base = publicUrl.base(request);
        if (!url.startsWith(base + "/")) {
            throw new NotFoundException("not this site's address");
        }
        var address = UriComponentsBuilder.fromUriString(url).build();
        Matcher page = EMBEDDABLE.matcher(address.getPath() == null ? "" : address.getPath());
        if (!page.matches()) {
            throw new NotFoundException("not an embeddable page");
        }
        Locale language = "fr".equals(address.getQueryParams().getFirst("lang")) ? Locale.FRENCH : Locale.ENGLISH;
        long id = Long.parseLong(page.group(2));
        String lang = language == Locale.FRENCH ? "?lang=fr" : "";

        var answer = new LinkedHashMap<String, Object>();
        answer.put("version", "1.0");
        answer.put("type", "rich");
        answer.put("provider_name", messages.getMessage("app.name", null, language));
        answer.put("provider_url", base + "/");
        StoredImage image;
        String title;
        String src;
        if ("posts".equals(page.group(1))) {
            PostCard post = visiblePost(id);
            title = messages.getMessage(
                    "post.title", new Object[] {post.author().displayName()}, language);
            answer.put("title", title);
            answer.put("author_name", post.author().displayName());
            answer.put("author_url", base + "/@" + post.author().handle());
            image = post.image();
            src = base + "/embed/posts/" + id + lang;
        } else {
            ProductView product = catalog.get(id);
            title = product.brand() + " · " + product.title();
            answer.put("title", title);
            image = product.images().isEmpty() ? null : product.images().get(0);
            src = base + "/embed/products/" + id + lang;
        }
        int width = Math.min(MAX_WIDTH, maxWidth);
        int photoHeight = image == null ? 0 : (int) Math.ceil((double) width * image.height() / image.width());
        int height = Math.min(photoHeight + TEXT_HEIGHT, maxHeight);
        answer.put("width", width);
        answer.put("height", height);
        answer.put(
                "html",
                "<iframe src=\"" + HtmlUtils.htmlEscape(src) + "\" width=\"" + width + "\" height=\"" + height
                        + "\" title=\"" + HtmlUtils.htmlEscape(title) + "\" style=\"border:0\" loading=\"lazy\">"
                        + "</iframe>");
        if (image != null) {
            answer.put("thumbnail_url", base + image.url(width));
            answer.put("thumbnail_width", image.width());
            answer.put("thumbnail_height", image.height());
        }
        answer.put("cache_age", CACHE_AGE.toSeconds());
        return ResponseEntity.ok().cacheControl(FEW_MINUTES).body(answer);
    }

    private PostCard visiblePost(long id) {
        return cards.one(id, null, false).orElseThrow(() -> new NotFoundException("post " + id));
    }

    /** A size parameter: a whole number from 1 to 99999, {@link Integer#MAX_VALUE} when absent, 0 when neither. */
    private static int size(String raw) {
        if (raw == null) {
            return Integer.MAX_VALUE;
        }
        return raw.length() > 5 ? 0 : StrictNumbers.parseInt(raw).orElse(0);
    }

    private ResponseEntity<Map<String, Object>> problem(HttpStatus status, String key, Locale locale) {
        return ResponseEntity.status(status).body(Map.of("error", messages.getMessage(key, null, locale)));
    }
}
