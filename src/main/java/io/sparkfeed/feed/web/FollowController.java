package io.sparkfeed.feed.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.AccountSummary;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.FollowCounts;
import io.sparkfeed.accounts.Follows;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.UserFacingException;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Follow and unfollow (plain forms, or in place with htmx), and the follower and following lists of a profile. */
@Controller
class FollowController {

    private final Accounts accounts;
    private final Follows follows;

    FollowController(Accounts accounts, Follows follows) {
        this.accounts = accounts;
        this.follows = follows;
    }

    /** Where a follow button may stand on a page: its id is made of this, so nothing else is accepted. */
    private static final Pattern PLACE = Pattern.compile("profile|post-\\d{1,19}");

    @RateLimited(Limit.FOLLOW)
    @PostMapping("/@{handle}/follow")
    String follow(
            @PathVariable String handle,
            @RequestParam(defaultValue = "profile") String place,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return change(handle, place, me, htmx, model, redirect, true);
    }

    @RateLimited(Limit.FOLLOW)
    @PostMapping("/@{handle}/unfollow")
    String unfollow(
            @PathVariable String handle,
            @RequestParam(defaultValue = "profile") String place,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        return change(handle, place, me, htmx, model, redirect, false);
    }

    @GetMapping("/@{handle}/followers")
    String followers(@PathVariable String handle, Model model) {
        return list(handle, true, model);
    }

    @GetMapping("/@{handle}/following")
    String following(@PathVariable String handle, Model model) {
        return list(handle, false, model);
    }

    private String list(String handle, boolean followers, Model model) {
        AccountSummary profile = profile(handle);
        model.addAttribute("profile", profile);
        model.addAttribute("followersList", followers);
        model.addAttribute("accounts", follows.list(profile.id(), followers, 200));
        return "feed/follows";
    }

    private String change(
            String handle,
            String place,
            AccountPrincipal me,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect,
            boolean follow) {
        AccountSummary profile = profile(handle);
        FollowCounts counts;
        try {
            counts = follow ? follows.follow(me.id(), profile.id()) : follows.unfollow(me.id(), profile.id());
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:/@" + profile.handle();
        }
        if (htmx.isHtmxRequest()) {
            model.addAttribute("target", profile);
            model.addAttribute("following", counts.followedByViewer());
            model.addAttribute("place", PLACE.matcher(place).matches() ? place : "profile");
            model.addAttribute("profile", profile);
            model.addAttribute("follow", counts);
            return "fragments/follow :: changed";
        }
        return "redirect:/@" + profile.handle();
    }

    private AccountSummary profile(String handle) {
        return accounts.findByHandle(handle).orElseThrow(() -> new NotFoundException("profile " + handle));
    }
}
