package io.sparkfeed.feed.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.feed.Search;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.RateLimited;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /search?q=}: posts, products and accounts, best match first, 20 of each a page. */
@Controller
class SearchController {

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @RateLimited(Limit.SEARCH)
    @GetMapping("/search")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal AccountPrincipal viewer,
            Model model) {
        model.addAttribute(
                "results", search.find(q, Math.max(0, Math.min(page, 50)), 20, viewer == null ? null : viewer.id()));
        return "feed/search";
    }
}
