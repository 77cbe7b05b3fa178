package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A person's or brand's public profile at {@code /@handle}. */
@Controller
class ProfileController {

    private final Accounts accounts;

    ProfileController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/@{handle}")
    String profile(@PathVariable String handle, Model model) {
        model.addAttribute("profile", accounts.findByHandle(handle)
                .orElseThrow(() -> new NotFoundException("profile " + handle)));
        return "accounts/profile";
    }
}
