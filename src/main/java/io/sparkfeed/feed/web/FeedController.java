package io.sparkfeed.feed.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.AccountSummary;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.CurrentAccount;
import io.sparkfeed.accounts.Follows;
import io.sparkfeed.accounts.HomeFeed;
import io.sparkfeed.accounts.Interest;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.accounts.Profile;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.PriceChart;
import io.sparkfeed.catalog.PriceHistory;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.posts.Hashtags;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.PostFilter;
import io.sparkfeed.posts.PostPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lists of posts: the public feed, a profile, a hashtag and a product page. Each is keyset-paged; a "More"
 * link carries the cursor, and with htmx the next page is appended as the reader scrolls.
 */
@Controller
class FeedController {

    /**
     * Cards on a page unless the link asks otherwise: a whole number of rows at two and three columns (phone
     * landscape, tablet, desktop), a dozen screens on a phone before the next page is fetched, and a first page whose
     * parsing and layout stay short on a slow phone (at 20, a Lighthouse phone run's blocking time went up to 130 ms).
     */
    static final String PAGE_SIZE = "12";

    static final int MAX_PAGE_SIZE = 50;

    private final PostCards cards;
    private final Catalog catalog;
    private final Interests interests;
    private final Follows follows;
    private final Accounts accounts;

    private final PublicUrl publicUrl;
    private final MessageSource messages;

    FeedController(
            PostCards cards,
            Catalog catalog,
            Interests interests,
            Follows follows,
            Accounts accounts,
            PublicUrl publicUrl,
            MessageSource messages) {
        this.accounts = accounts;
        this.publicUrl = publicUrl;
        this.messages = messages;
        this.cards = cards;
        this.catalog = catalog;
        this.interests = interests;
        this.follows = follows;
    }

    /**
     * The front page: "For you" (follows and interests, without what the viewer already owns) or "Latest" (the
     * public feed) for an account that picked its interests, as it last chose (or {@code ?feed=for-you} and
     * {@code ?feed=everyone} without changing the choice); the public feed for everyone else.
     */
    @GetMapping("/")
    String home(
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = PAGE_SIZE) int size,
            @RequestParam(defaultValue = "") String feed,
            @ModelAttribute("me") CurrentAccount me,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            Locale locale,
            Model model) {
        boolean chosen = me != null && me.homeFeed() == HomeFeed.FOR_YOU;
        boolean forYou =
                me != null && me.onboarded() && ("for-you".equals(feed) || (chosen && !"everyone".equals(feed)));
        model.addAttribute("tab", forYou ? "forYou" : "everyone");
        PostFilter filter = forYou ? new PostFilter.ForYou(me.id(), me.hidePurchased()) : PostFilter.all();
        String path =
                me == null || !me.onboarded() || forYou == chosen ? "/" : forYou ? "/?feed=for-you" : "/?feed=everyone";
        announce(model, FeedLinks.EVERYONE, message("atom.everyone", locale), locale);
        return list(filter, after, size, viewer, htmx, model, path, "feed/home");
    }

    /** The signed-in account picks the front page's tab (For you or Latest); it stays until they pick again. */
    @PostMapping("/home-feed")
    String chooseHomeFeed(@RequestParam String feed, @AuthenticationPrincipal AccountPrincipal viewer) {
        HomeFeed chosen = "latest".equals(feed) ? HomeFeed.LATEST : HomeFeed.FOR_YOU;
        accounts.chooseHomeFeed(viewer.id(), chosen);
        return "redirect:/";
    }

    @GetMapping("/following")
    String following(
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = PAGE_SIZE) int size,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            Model model) {
        model.addAttribute("tab", "following");
        return list(new PostFilter.Following(viewer.id()), after, size, viewer, htmx, model, "/following", "feed/home");
    }

    @GetMapping("/interests/{slug}")
    String interest(
            @PathVariable String slug,
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = PAGE_SIZE) int size,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            Locale locale,
            Model model) {
        Interest interest = interests.bySlug(slug);
        model.addAttribute("interest", interest);
        announce(model, FeedLinks.interest(slug), message(interest.nameKey(), locale), locale);
        return list(
                new PostFilter.ByInterest(interest.id()),
                after,
                size,
                viewer,
                htmx,
                model,
                "/interests/" + slug,
                "feed/interest");
    }

    @GetMapping("/interests")
    String interests(Model model) {
        model.addAttribute("interests", interests.all());
        return "feed/interests";
    }

    @GetMapping("/@{handle}")
    String profile(
            @PathVariable String handle,
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = PAGE_SIZE) int size,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        Profile found = follows.profile(handle, viewer == null ? null : viewer.id())
                .orElseThrow(() -> new NotFoundException("profile " + handle));
        AccountSummary profile = found.account();
        model.addAttribute("profile", profile);
        model.addAttribute("jsonLd", PageStructuredData.profile(profile, publicUrl.base(request), home(locale)));
        model.addAttribute("follow", found.follow());
        announce(model, FeedLinks.profile(profile.handle()), profile.displayName(), locale);
        return list(
                new PostFilter.ByAuthor(profile.id()),
                after,
                size,
                viewer,
                htmx,
                model,
                "/@" + profile.handle(),
                "feed/profile");
    }

    @GetMapping("/tags/{tag}")
    String hashtag(
            @PathVariable String tag,
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = PAGE_SIZE) int size,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            Locale locale,
            Model model) {
        String normalized = Hashtags.normalize(tag);
        if (normalized == null) {
            throw new NotFoundException("hashtag " + tag);
        }
        model.addAttribute("tag", normalized);
        announce(model, FeedLinks.hashtag(normalized), "#" + normalized, locale);
        return list(
                new PostFilter.ByHashtag(normalized),
                after,
                size,
                viewer,
                htmx,
                model,
                "/tags/" + normalized,
                "feed/hashtag");
    }

    @GetMapping("/products/{id}")
    String product(
            @PathVariable long id,
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = PAGE_SIZE) int size,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        Catalog.ProductWithPrices page = catalog.withPrices(id);
        ProductView product = page.product();
        model.addAttribute("product", product);
        PriceHistory prices = page.prices();
        model.addAttribute("prices", prices);
        model.addAttribute("priceChart", PriceChart.of(prices));
        model.addAttribute("jsonLd", PageStructuredData.product(product, publicUrl.base(request), home(locale)));
        model.addAttribute("oembed", publicUrl.oembed(request, "/products/" + id));
        return list(new PostFilter.ByProduct(id), after, size, viewer, htmx, model, "/products/" + id, "feed/product");
    }

    /** A page of the list; {@code size} is bounded to 1..{@link #MAX_PAGE_SIZE} and carried by the "More" link. */
    private String list(
            PostFilter filter,
            Cursor after,
            int requestedSize,
            AccountPrincipal viewer,
            HtmxRequest htmx,
            Model model,
            String path,
            String page) {
        int size = Math.max(1, Math.min(MAX_PAGE_SIZE, requestedSize));
        model.addAttribute("size", size);
        PostPage posts = cards.page(filter, after, size, viewer == null ? null : viewer.id());
        model.addAttribute("page", posts);
        model.addAttribute("reasons", posts.reasons());
        model.addAttribute("path", path);
        model.addAttribute("interestsById", interestsById());
        if (htmx.isHtmxRequest() && after != null) {
            return "fragments/post :: page";
        }
        return page;
    }

    private Map<Integer, Interest> interestsById() {
        return interests.all().stream().collect(Collectors.toMap(Interest::id, Function.identity()));
    }

    private String home(Locale locale) {
        return message("app.name", locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** The Atom feed of this list, for the discovery link in the page's head. */
    private void announce(Model model, String feedPath, String title, Locale locale) {
        model.addAttribute(
                "atomFeed",
                FeedLinks.link(feedPath, messages.getMessage("atom.link", new Object[] {title}, locale), locale));
    }
}
