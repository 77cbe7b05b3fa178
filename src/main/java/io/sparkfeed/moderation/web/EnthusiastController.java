package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.Enthusiasts;
import io.sparkfeed.platform.UserFacingException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The enthusiast application: the form, or where the latest application stands. */
@Controller
class EnthusiastController {

    private final Enthusiasts enthusiasts;

    EnthusiastController(Enthusiasts enthusiasts) {
        this.enthusiasts = enthusiasts;
    }

    /** What the applicant writes. */
    record ApplicationForm(String pitch, String interests, String links) {

        static ApplicationForm empty() {
            return new ApplicationForm("", "", "");
        }
    }

    @GetMapping("/enthusiasts/apply")
    String page(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        return page(me, model, ApplicationForm.empty(), null);
    }

    @PostMapping("/enthusiasts/apply")
    String apply(
            @AuthenticationPrincipal AccountPrincipal me,
            @ModelAttribute("form") ApplicationForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            enthusiasts.apply(me.id(), form.pitch(), form.interests(), form.links());
        } catch (UserFacingException refused) {
            response.setStatus(422);
            return page(me, model, form, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", "enthusiasts.apply.sent");
        return "redirect:/enthusiasts/apply";
    }

    private String page(AccountPrincipal me, Model model, ApplicationForm form, String problem) {
        model.addAttribute("applied", enthusiasts.latest(me.id()).orElse(null));
        model.addAttribute("revoked", enthusiasts.revoked(me.id()));
        model.addAttribute("form", form);
        model.addAttribute("applyProblem", problem);
        return "moderation/apply";
    }
}
