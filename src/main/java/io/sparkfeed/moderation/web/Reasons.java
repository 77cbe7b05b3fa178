package io.sparkfeed.moderation.web;

import io.sparkfeed.platform.UserFacingException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs an admin action that needs a reason, and puts its outcome (or why it was refused) in the flash. */
final class Reasons {

    private Reasons() {
    }

    static void act(RedirectAttributes redirect, String reason, String done, Runnable action) {
        String problem = problem(reason);
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return;
        }
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
    }

    static String problem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "admin.reason.required";
        }
        return reason.strip().length() > 1000 ? "admin.reason.tooLong" : null;
    }
}
