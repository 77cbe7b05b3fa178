package io.sparkfeed.collections.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.collections.Alerts;
import io.sparkfeed.collections.CollectionItem;
import io.sparkfeed.collections.CollectionPage;
import io.sparkfeed.collections.Collections;
import io.sparkfeed.collections.SaveTarget;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.SaveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving posts and products, the owner's collections at {@code /me/collections}, and a collection's page at
 * {@code /collections/{id}} (public ones for everyone, private ones for their owner only). Plain forms redirect;
 * with htmx the Save buttons answer with themselves.
 */
@Controller
class CollectionController {

    static final int PAGE_SIZE = 24;

    private final Collections collections;
    private final Alerts alerts;
    private final PostCards cards;
    private final MessageSource messages;

    CollectionController(Collections collections, Alerts alerts, PostCards cards, MessageSource messages) {
        this.collections = collections;
        this.alerts = alerts;
        this.cards = cards;
        this.messages = messages;
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/posts/{id}/save")
    String savePost(
            @PathVariable long id,
            @RequestParam(required = false) Long collection,
            @RequestParam(required = false) String newCollection,
            @RequestParam(defaultValue = "false") boolean shared,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return saved(
                () -> save(me, SaveTarget.post(id), collection, newCollection, shared),
                "post",
                id,
                htmx,
                model,
                redirect);
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/posts/{id}/unsave")
    String unsavePost(
            @PathVariable long id,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return saved(() -> collections.unsave(me.id(), SaveTarget.post(id)), "post", id, htmx, model, redirect);
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/products/{id}/save")
    String saveProduct(
            @PathVariable long id,
            @RequestParam(required = false) Long collection,
            @RequestParam(required = false) String newCollection,
            @RequestParam(defaultValue = "false") boolean shared,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return saved(
                () -> save(me, SaveTarget.product(id), collection, newCollection, shared),
                "product",
                id,
                htmx,
                model,
                redirect);
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/products/{id}/unsave")
    String unsaveProduct(
            @PathVariable long id,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return saved(() -> collections.unsave(me.id(), SaveTarget.product(id)), "product", id, htmx, model, redirect);
    }

    /** A product page's Save button as the reader sees it (loaded by htmx; the page's plain form works without). */
    @GetMapping("/products/{id}/save-button")
    String productButton(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("productId", id);
        model.addAttribute("saved", me != null && collections.savedProduct(me.id(), id));
        return "fragments/collections :: product-save";
    }

    /** Where to save a post or a product: "Saved" or one of the reader's collections. */
    @GetMapping("/me/collections/save")
    String choose(
            @RequestParam(required = false) Long post,
            @RequestParam(required = false) Long product,
            @AuthenticationPrincipal AccountPrincipal me,
            Model model) {
        if ((post == null) == (product == null)) {
            throw new NotFoundException("nothing to save");
        }
        model.addAttribute("action", post != null ? "/posts/" + post + "/save" : "/products/" + product + "/save");
        model.addAttribute("collections", collections.mine(me.id()));
        model.addAttribute("maxName", Collections.MAX_NAME);
        return "collections/choose";
    }

    @GetMapping("/me/collections")
    String mine(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("collections", collections.mine(me.id()));
        model.addAttribute("alerts", alerts.settings(me.id()));
        model.addAttribute("maxName", Collections.MAX_NAME);
        return "collections/mine";
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/me/collections")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean shared,
            @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return attempt(redirect, () -> collections.create(me.id(), name, shared), "collections.created");
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/me/collections/{id}/rename")
    String rename(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return attempt(redirect, () -> collections.rename(me.id(), id, name), "collections.renamed");
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/me/collections/{id}/share")
    String share(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean shared,
            @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        return attempt(
                redirect,
                () -> collections.share(me.id(), id, shared),
                shared ? "collections.madePublic" : "collections.madePrivate");
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/me/collections/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        return attempt(redirect, () -> collections.delete(me.id(), id), "collections.deleted");
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/me/collections/{id}/items/{item}/remove")
    String removeItem(@PathVariable long id, @PathVariable long item, @AuthenticationPrincipal AccountPrincipal me) {
        collections.removeItem(me.id(), id, item);
        return "redirect:/collections/" + id;
    }

    @RateLimited(Limit.SAVE)
    @PostMapping("/me/alerts")
    String alertSettings(
            @RequestParam(defaultValue = "10") int threshold,
            @RequestParam(defaultValue = "false") boolean email,
            @AuthenticationPrincipal AccountPrincipal me,
            Locale locale,
            RedirectAttributes redirect) {
        return attempt(redirect, () -> alerts.change(me.id(), threshold, email, locale), "alerts.saved");
    }

    /**
     * A collection's page: its posts as cards and its products as tiles, newest saves first. Three statements a page
     * (the collection with its page of items, then the cards and the products), whatever its size and depth.
     */
    @GetMapping("/collections/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) Cursor after,
            @AuthenticationPrincipal AccountPrincipal me,
            Locale locale,
            Model model) {
        Long viewer = me == null ? null : me.id();
        CollectionPage page = collections.page(id, viewer, after, PAGE_SIZE);
        List<Long> postIds = page.items().stream()
                .map(CollectionItem::postId)
                .filter(Objects::nonNull)
                .toList();
        List<Long> productIds = page.items().stream()
                .map(CollectionItem::productId)
                .filter(Objects::nonNull)
                .toList();
        PostCards.CardsAndProducts found = cards.withProducts(postIds, productIds, viewer);
        Map<Long, PostCard> posts = found.posts().stream().collect(Collectors.toMap(PostCard::id, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (CollectionItem item : page.items()) {
            PostCard post = item.postId() == null ? null : posts.get(item.postId());
            ProductCard product =
                    item.productId() == null ? null : found.products().get(item.productId());
            if (post != null || product != null) {
                entries.add(new Entry(item, post, product));
            }
        }
        String title = page.collection().byDefault()
                ? messages.getMessage("collections.saved", null, locale)
                : page.collection().name();
        model.addAttribute("collection", page.collection());
        model.addAttribute("title", title);
        model.addAttribute("entries", entries);
        model.addAttribute("next", page.next());
        model.addAttribute("own", viewer != null && viewer == page.collection().ownerId());
        if (page.collection().shared()) {
            String feed = CollectionFeedController.path(id);
            model.addAttribute(
                    "atomFeed",
                    new FeedLink(
                            "fr".equals(locale.getLanguage()) ? feed + "?lang=fr" : feed,
                            messages.getMessage("atom.link", new Object[] {title}, locale)));
            model.addAttribute(
                    "ogImage",
                    entries.stream()
                            .filter(e -> e.post() != null)
                            .map(e -> e.post().image().largestUrl())
                            .findFirst()
                            .orElse(null));
        }
        return "collections/show";
    }

    /** An item as its page shows it: a post's card, or a product's. */
    record Entry(CollectionItem item, PostCard post, ProductCard product) {}

    /** The discovery link of a page's Atom feed. */
    record FeedLink(String href, String title) {}

    private interface Save {
        SaveState run();
    }

    /** Into a new collection when the "Save to…" page named one, else into {@code collection} or "Saved". */
    private SaveState save(
            AccountPrincipal me, SaveTarget target, Long collection, String newCollection, boolean shared) {
        return newCollection == null
                ? collections.save(me.id(), target, collection)
                : collections.saveIntoNew(me.id(), target, newCollection, shared);
    }

    private String saved(
            Save action, String kind, long id, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
        SaveState state;
        try {
            state = action.run();
        } catch (UserFacingException refused) {
            if (htmx.isHtmxRequest()) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:/" + kind + "s/" + id;
        }
        if (htmx.isHtmxRequest()) {
            if ("post".equals(kind)) {
                model.addAttribute("save", state);
                return "fragments/collections :: post-save";
            }
            model.addAttribute("productId", id);
            model.addAttribute("saved", state.saved());
            return "fragments/collections :: product-save";
        }
        return "redirect:/" + kind + "s/" + id;
    }

    private static String attempt(RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/me/collections";
    }
}
