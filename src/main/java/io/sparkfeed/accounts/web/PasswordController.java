package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.AccountRejectedException;
import io.sparkfeed.accounts.Passwords;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
 * "Forgot password" (from the login page: a link by mail, the same answer whether or not the address has an
 * account), the form behind that link, and the password change in the account's settings. A reset or a change
 * ends every other session and remember-me cookie, and signs the person in again here with a new session.
 */
@Controller
class PasswordController {

    private final Passwords passwords;
    private final PublicUrl publicUrl;
    private final SignIn signIn;
    private final SettingsPage settings;

    PasswordController(Passwords passwords, PublicUrl publicUrl, SignIn signIn, SettingsPage settings) {
        this.passwords = passwords;
        this.publicUrl = publicUrl;
        this.signIn = signIn;
        this.settings = settings;
    }

    @GetMapping("/login/forgot")
    String forgotForm(Model model) {
        model.addAttribute("form", new AccountForms.Forgot(""));
        model.addAttribute("minutes", Passwords.RESET_LIFETIME.toMinutes());
        return "accounts/forgot";
    }

    @RateLimited(value = Limit.PASSWORD_RESET_ADDRESS, byAddress = true)
    @PostMapping("/login/forgot")
    String forgot(
            @Valid @ModelAttribute("form") AccountForms.Forgot form,
            BindingResult errors,
            Locale locale,
            HttpServletRequest request) {
        if (errors.hasErrors()) {
            return "accounts/forgot";
        }
        passwords.requestReset(form.email(), locale, publicUrl.base(request));
        return "redirect:/login/forgot?sent";
    }

    @GetMapping("/login/reset")
    String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (token.length() > 64 || !passwords.resetOpen(token)) {
            return "accounts/reset-expired";
        }
        model.addAttribute("form", new AccountForms.Reset(token, ""));
        return "accounts/reset";
    }

    @RateLimited(value = Limit.PASSWORD_RESET_ADDRESS, byAddress = true)
    @PostMapping("/login/reset")
    String reset(
            @Valid @ModelAttribute("form") AccountForms.Reset form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasFieldErrors("token")) {
            return "accounts/reset-expired";
        }
        if (errors.hasErrors()) {
            return "accounts/reset";
        }
        String email;
        try {
            email = passwords.reset(form.token(), form.password());
        } catch (AccountRejectedException rejected) {
            if ("token".equals(rejected.field())) {
                return "accounts/reset-expired";
            }
            errors.rejectValue(rejected.field(), rejected.messageKey());
            return "accounts/reset";
        }
        signIn.signIn(email, request, response);
        redirect.addFlashAttribute("notice", "password.reset.done");
        return "redirect:/";
    }

    @GetMapping("/me/settings")
    String settings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        return settings.show(model, me.id());
    }

    @RateLimited(Limit.PASSWORD_CHANGE)
    @PostMapping("/me/settings/password")
    String change(
            @AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute("form") AccountForms.Change form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String email = null;
        try {
            email = errors.hasErrors() ? null : passwords.change(principal.id(), form.current(), form.password());
        } catch (AccountRejectedException rejected) {
            errors.rejectValue(rejected.field(), rejected.messageKey());
        }
        if (errors.hasErrors()) {
            return settings.show(model, principal.id());
        }
        signIn.signIn(email, request, response);
        redirect.addFlashAttribute("notice", "password.change.done");
        return "redirect:/me/settings";
    }
}
