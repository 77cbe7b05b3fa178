package io.sparkfeed.notifications.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.notifications.MailPreferences;
import io.sparkfeed.notifications.NotificationKind;
import io.sparkfeed.notifications.NotificationKind.Delivery;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Which notifications are mailed, and how, at {@code /me/settings/notifications}: one choice per kind. */
@Controller
class MailSettingsController {

    private final MailPreferences preferences;

    MailSettingsController(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/me/settings/notifications")
    String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        model.addAttribute("kinds", List.of(NotificationKind.values()));
        model.addAttribute("deliveries", List.of(Delivery.values()));
        model.addAttribute("choices", preferences.of(me.id()));
        return "notifications/settings";
    }

    /**
     * Keeps the choice made for each kind (a parameter named after the kind). Only the known kinds are read; a
     * value that is no choice refuses the whole form and changes nothing.
     */
    @PostMapping("/me/settings/notifications")
    String save(
            @AuthenticationPrincipal AccountPrincipal me,
            @RequestParam MultiValueMap<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        Map<NotificationKind, Delivery> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.getFirst(kind.name());
            if (value == null) {
                continue;
            }
            Optional<Delivery> delivery = Arrays.stream(Delivery.values())
                    .filter(known -> known.name().equals(value))
                    .findFirst();
            if (delivery.isEmpty()) {
                redirect.addFlashAttribute("notice", "notifications.settings.invalid");
                return "redirect:/me/settings/notifications";
            }
            choices.put(kind, delivery.get());
        }
        preferences.save(me.id(), choices, locale);
        redirect.addFlashAttribute("notice", "notifications.settings.saved");
        return "redirect:/me/settings/notifications";
    }
}
