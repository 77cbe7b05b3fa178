package io.sparkfeed.feed.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.posts.Hashtags;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.PostFilter;
import io.sparkfeed.posts.PostPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lists of posts: the public feed, a profile, a hashtag and a product page. Each is keyset-paged; a "More"
 * link carries the cursor, and with htmx the next page is appended as the reader scrolls.
 */
@Controller
class FeedController {

    static final int PAGE_SIZE = 20;

    private final PostCards cards;
    private final Accounts accounts;
    private final Catalog catalog;

    FeedController(PostCards cards, Accounts accounts, Catalog catalog) {
        this.cards = cards;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String after, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal AccountPrincipal viewer, HtmxRequest htmx, Model model) {
        model.addAttribute("size", Math.max(1, Math.min(50, size)));
        return list(PostFilter.all(), after, viewer, htmx, model, "/", "feed/home");
    }

    @GetMapping("/@{handle}")
    String profile(@PathVariable String handle, @RequestParam(required = false) String after,
            @AuthenticationPrincipal AccountPrincipal viewer, HtmxRequest htmx, Model model) {
        var profile = accounts.findByHandle(handle).orElseThrow(() -> new NotFoundException("profile " + handle));
        model.addAttribute("profile", profile);
        return list(new PostFilter.ByAuthor(profile.id()), after, viewer, htmx, model, "/@" + profile.handle(),
                "feed/profile");
    }

    @GetMapping("/tags/{tag}")
    String hashtag(@PathVariable String tag, @RequestParam(required = false) String after,
            @AuthenticationPrincipal AccountPrincipal viewer, HtmxRequest htmx, Model model) {
        String normalized = Hashtags.normalize(tag);
        if (normalized == null) {
            throw new NotFoundException("hashtag " + tag);
        }
        model.addAttribute("tag", normalized);
        return list(new PostFilter.ByHashtag(normalized), after, viewer, htmx, model, "/tags/" + normalized,
                "feed/hashtag");
    }

    @GetMapping("/products/{id}")
    String product(@PathVariable long id, @RequestParam(required = false) String after,
            @AuthenticationPrincipal AccountPrincipal viewer, HtmxRequest htmx, Model model) {
        model.addAttribute("product", catalog.get(id));
        return list(new PostFilter.ByProduct(id), after, viewer, htmx, model, "/products/" + id, "feed/product");
    }

    private String list(PostFilter filter, String after, AccountPrincipal viewer, HtmxRequest htmx, Model model,
            String path, String page) {
        int size = model.getAttribute("size") instanceof Integer chosen ? chosen : PAGE_SIZE;
        PostPage posts = cards.page(filter, Cursor.parse(after), size, viewer == null ? null : viewer.id());
        model.addAttribute("page", posts);
        model.addAttribute("path", path);
        if (htmx.isHtmxRequest() && after != null) {
            return "fragments/post :: page";
        }
        return page;
    }
}
