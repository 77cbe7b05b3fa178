package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.platform.UserFacingException;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Picking interests: right after sign-up (at least five, before the personal feed) and any time later. */
@Controller
class InterestsController {

    private final Interests interests;

    InterestsController(Interests interests) {
        this.interests = interests;
    }

    @GetMapping("/me/interests")
    String form(
            @AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) String welcome, Model model) {
        model.addAttribute("interests", interests.all());
        model.addAttribute("chosen", interests.of(me.id()));
        model.addAttribute("hidePurchased", interests.hidesPurchased(me.id()));
        model.addAttribute("welcome", welcome != null);
        model.addAttribute("minimum", Interests.MINIMUM);
        return "accounts/interests";
    }

    @PostMapping("/me/interests")
    String choose(
            @AuthenticationPrincipal AccountPrincipal me,
            @RequestParam(name = "interests", required = false) List<Integer> chosen,
            @RequestParam(defaultValue = "false") boolean hidePurchased,
            @RequestParam(defaultValue = "false") boolean welcome,
            Model model,
            RedirectAttributes redirect) {
        // an empty value binds as null: it chooses nothing
        List<Integer> picked = chosen == null
                ? List.of()
                : chosen.stream().filter(id -> id != null).toList();
        try {
            interests.choose(me.id(), picked, hidePurchased);
        } catch (UserFacingException refused) {
            model.addAttribute("interests", interests.all());
            model.addAttribute("chosen", Set.copyOf(picked));
            model.addAttribute("hidePurchased", hidePurchased);
            model.addAttribute("welcome", welcome);
            model.addAttribute("minimum", Interests.MINIMUM);
            model.addAttribute("problem", refused.messageKey());
            return "accounts/interests";
        }
        redirect.addFlashAttribute("notice", welcome ? "interests.welcome" : "interests.saved");
        return welcome ? "redirect:/" : "redirect:/me/interests";
    }
}
