package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.Accounts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The settings page ({@code /me/settings}): its two forms (blank unless a refused one is being shown again). */
@Component
class SettingsPage {

    private final Accounts accounts;

    SettingsPage(Accounts accounts) {
        this.accounts = accounts;
    }

    String show(Model model, long accountId) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountForms.Change("", ""));
        }
        if (!model.containsAttribute("emailForm")) {
            model.addAttribute("emailForm", new AccountForms.NewEmail("", ""));
        }
        model.addAttribute("email", accounts.email(accountId));
        return "accounts/settings";
    }
}
