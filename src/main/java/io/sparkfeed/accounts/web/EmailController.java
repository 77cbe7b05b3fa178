package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.AccountRejectedException;
import io.sparkfeed.accounts.EmailAddresses;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mailed links that verify an address (the sign-up's, or a new one), the verification mail sent again, and the
 * address change in the account's settings. Following a link works signed in or not, and opens no session.
 */
@Controller
class EmailController {

    private final EmailAddresses addresses;
    private final PublicUrl publicUrl;
    private final SettingsPage settings;

    EmailController(EmailAddresses addresses, PublicUrl publicUrl, SettingsPage settings) {
        this.addresses = addresses;
        this.publicUrl = publicUrl;
        this.settings = settings;
    }

    /**
     * Follows a mailed link, then shows what it did on a page of its own (a redirect: the page then reflects the
     * account as it is now, and its address no longer carries the token).
     */
    @GetMapping(value = "/verify-email", params = "token")
    String follow(@RequestParam String token) {
        EmailAddresses.Outcome outcome;
        try {
            outcome = token.length() > 64 ? EmailAddresses.Outcome.EXPIRED : addresses.follow(token);
        } catch (AccountRejectedException taken) {
            outcome = EmailAddresses.Outcome.EXPIRED;
        }
        return "redirect:/verify-email?outcome=" + outcome.name().toLowerCase(Locale.ROOT);
    }

    @GetMapping("/verify-email")
    String outcome(@RequestParam(defaultValue = "expired") String outcome, Model model) {
        EmailAddresses.Outcome shown = EnumSet.allOf(EmailAddresses.Outcome.class).stream()
                .filter(known -> known.name().equalsIgnoreCase(outcome))
                .findFirst()
                .orElse(EmailAddresses.Outcome.EXPIRED);
        model.addAttribute("outcome", shown.name());
        return "accounts/email-verified";
    }

    @RateLimited(Limit.VERIFY_EMAIL)
    @PostMapping("/me/verify-email")
    String resend(
            @AuthenticationPrincipal AccountPrincipal me,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        addresses.mailVerification(me.id(), locale, publicUrl.base(request));
        redirect.addFlashAttribute("notice", "account.verifyEmail.sent");
        return "redirect:/me/settings";
    }

    @RateLimited(Limit.PASSWORD_CHANGE)
    @PostMapping("/me/settings/email")
    String change(
            @AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("emailForm") AccountForms.NewEmail form,
            BindingResult errors,
            Locale locale,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                addresses.requestChange(me.id(), form.current(), form.email(), locale, publicUrl.base(request));
                redirect.addFlashAttribute("notice", "settings.email.sent");
                return "redirect:/me/settings";
            } catch (AccountRejectedException rejected) {
                errors.rejectValue(rejected.field(), rejected.messageKey());
            }
        }
        return settings.show(model, me.id());
    }
}
