package io.sparkfeed.platform;

import java.util.Map;
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

    /**
     * Runs the action that {@code name} picks from {@code actions} (a controller's path names it, so a mapping such
     * as {@code /{id}/{action:hide|restore}} serves a pair of opposite actions with one handler).
     */
    public static void act(
            RedirectAttributes redirect,
            Map<String, Named> actions,
            String name,
            long adminId,
            long targetId,
            String reason) {
        Named action = actions.get(name);
        if (action == null) {
            throw new IllegalArgumentException("no admin action " + name);
        }
        act(redirect, reason, action.done(), () -> action.target().act(adminId, targetId, reason.strip()));
    }

    public static String problem(String reason) {
        if (reason == null || reason.isBlank()) {
            return "admin.reason.required";
        }
        return reason.strip().length() > 1000 ? "admin.reason.tooLong" : null;
    }

    /** An admin action on one target (a post, a comment, an account, an application), with the reason given. */
    @FunctionalInterface
    public interface OnTarget {
        void act(long adminId, long targetId, String reason);
    }

    /** An action and the message shown once it is done. */
    public record Named(String done, OnTarget target) {}
}
