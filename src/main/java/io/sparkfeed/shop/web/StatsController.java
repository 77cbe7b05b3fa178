package io.sparkfeed.shop.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.shop.PostStats;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** An author's numbers: per post, views, product-card opens, orders and revenue credited to it. */
@Controller
class StatsController {

    private final PostStats stats;

    StatsController(PostStats stats) {
        this.stats = stats;
    }

    @GetMapping("/me/stats")
    String stats(@AuthenticationPrincipal AccountPrincipal author, Model model) {
        model.addAttribute("rows", stats.forAuthor(author.id()));
        return "shop/stats";
    }
}
