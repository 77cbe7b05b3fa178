package io.sparkfeed.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs an admin action that needs a reason (every admin action does), and puts its outcome, or why it was
 * refused, in the flash. One place for the reason's rules: required, at most 1000 characters.
 */
public final class AdminActions {

    private AdminActions() {}

    public static void act(RedirectAttributes redirect, String reason, String done, Runnable action) {
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

    public static String problem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "admin.reason.required";
        }
        return reason.strip().length() > 1000 ? "admin.reason.tooLong" : null;
    }
}
