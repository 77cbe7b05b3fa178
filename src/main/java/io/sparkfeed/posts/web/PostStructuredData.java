package io.sparkfeed.posts.web;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.platform.JsonLd;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.TaggedProduct;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A post page's structured data: a {@code SocialMediaPosting} with its photo ({@code ImageObject}), its author and
 * the products tagged on it (each with its offer), and the breadcrumbs from the front page through the author.
 */
final class PostStructuredData {

    private PostStructuredData() {}

    /** {@code home} and {@code title} are the page names the breadcrumbs show, in the reader's language. */
    static String of(PostCard post, String base, String home, String title) {
        String url = base + "/posts/" + post.id();
        String profile = base + "/@" + post.author().handle();
        List<Map<String, Object>> products = post.tags().stream()
                .map(TaggedProduct::product)
                .map(p -> {
                    String productUrl = base + "/products/" + p.id();
                    return JsonLd.item(
                            "Product",
                            "name",
                            p.title(),
                            "brand",
                            JsonLd.item("Brand", "name", p.brand()),
                            "url",
                            productUrl,
                            "image",
                            p.image() == null ? null : base + p.image().largestUrl(),
                            "offers",
                            JsonLd.offer(productUrl, p.price(), p.currency(), p.active(), p.stock() > 0));
                })
                .toList();
        Map<String, Object> posting = JsonLd.item(
                "SocialMediaPosting",
                "@id",
                url,
                "url",
                url,
                "headline",
                post.excerpt().isBlank() ? title : post.excerpt(),
                "articleBody",
                post.caption(),
                "datePublished",
                DateTimeFormatter.ISO_INSTANT.format(post.createdAt()),
                "author",
                JsonLd.item(
                        post.author().kind() == AccountKind.BRAND ? "Organization" : "Person",
                        "name",
                        post.author().displayName(),
                        "alternateName",
                        "@" + post.author().handle(),
                        "url",
                        profile),
                "image",
                JsonLd.item(
                        "ImageObject",
                        "contentUrl",
                        base + post.image().largestUrl(),
                        "url",
                        base + post.image().largestUrl(),
                        "width",
                        post.image().width(),
                        "height",
                        post.image().height(),
                        "caption",
                        post.altText()),
                "mentions",
                products.isEmpty() ? null : products);
        return JsonLd.script(List.of(
                posting, JsonLd.breadcrumbs(home, base + "/", post.author().displayName(), profile, title, url)));
    }
}
