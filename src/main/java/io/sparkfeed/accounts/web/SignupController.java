package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.NewAccount;
import io.sparkfeed.accounts.SignupRejectedException;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
    private final UserDetailsService users;
    // Spring Security's own default: the session, and the request (so the rest of this request sees the new person)
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignupController(Accounts accounts, UserDetailsService users) {
        this.accounts = accounts;
        this.users = users;
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
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "accounts/signup";
        }
        try {
            accounts.register(new NewAccount(
                    form.email(), form.handle(), form.displayName(), form.password(), form.kindOrPerson()));
        } catch (SignupRejectedException rejected) {
            errors.rejectValue(rejected.field(), rejected.messageKey());
            return "accounts/signup";
        }
        signIn(form.email(), request, response);
        redirect.addFlashAttribute("notice", "signup.welcome");
        return "redirect:" + AfterSignup.NEXT;
    }

    private void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = users.loadUserByUsername(email);
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation across sign-up either
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.eraseCredentials(); // the password hash never goes into the session
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
