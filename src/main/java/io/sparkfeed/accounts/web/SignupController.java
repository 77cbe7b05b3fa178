package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.AccountRejectedException;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.EmailAddresses;
import io.sparkfeed.accounts.NewAccount;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up: opens the account and signs the new person in with a fresh session. */
@Controller
class SignupController {

    private final Accounts accounts;
    private final SignIn signIn;
    private final EmailAddresses addresses;
    private final PublicUrl publicUrl;

    SignupController(Accounts accounts, SignIn signIn, EmailAddresses addresses, PublicUrl publicUrl) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.addresses = addresses;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", SignupForm.empty());
        return "accounts/signup";
    }

    @RateLimited(value = Limit.SIGNUP, byAddress = true)
    @PostMapping("/signup")
    String signup(
            @Valid @ModelAttribute("form") SignupForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "accounts/signup";
        }
        long id;
        try {
            id = accounts.register(new NewAccount(
                    form.email(), form.handle(), form.displayName(), form.password(), form.kindOrPerson()));
        } catch (AccountRejectedException rejected) {
            errors.rejectValue(rejected.field(), rejected.messageKey());
            return "accounts/signup";
        }
        addresses.mailVerification(id, locale, publicUrl.base(request));
        signIn.signIn(form.email(), request, response);
        redirect.addFlashAttribute(
                "notice", form.kindOrPerson() == AccountKind.BRAND ? "signup.brandPending" : "signup.welcome");
        return "redirect:" + AfterSignup.NEXT;
    }
}
