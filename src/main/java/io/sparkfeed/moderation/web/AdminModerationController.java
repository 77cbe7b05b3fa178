package io.sparkfeed.moderation.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.moderation.Moderation;
import io.sparkfeed.platform.AdminActions;
import io.sparkfeed.platform.AdminActions.Named;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Takedowns (hide and restore a post, a comment, a question or an answer) and suspensions, each with a reason. */
@Controller
@RequestMapping("/admin/moderation")
@PreAuthorize("hasRole('ADMIN')")
class AdminModerationController {

    private final Map<String, Named> onPosts;
    private final Map<String, Named> onComments;
    private final Map<String, Named> onQuestions;
    private final Map<String, Named> onAnswers;
    private final Map<String, Named> onAccounts;

    AdminModerationController(Moderation moderation) {
        this.onPosts = Map.of(
                "hide", new Named("admin.moderation.postHidden", moderation::hidePost),
                "restore", new Named("admin.moderation.postRestored", moderation::restorePost));
        this.onComments = Map.of(
                "hide", new Named("admin.moderation.commentHidden", moderation::hideComment),
                "restore", new Named("admin.moderation.commentRestored", moderation::restoreComment));
        this.onQuestions = Map.of(
                "hide", new Named("admin.moderation.questionHidden", moderation::hideQuestion),
                "restore", new Named("admin.moderation.questionRestored", moderation::restoreQuestion));
        this.onAnswers = Map.of(
                "hide", new Named("admin.moderation.answerHidden", moderation::hideAnswer),
                "restore", new Named("admin.moderation.answerRestored", moderation::restoreAnswer));
        this.onAccounts = Map.of(
                "suspend", new Named("admin.moderation.suspended", moderation::suspend),
                "reinstate", new Named("admin.moderation.reinstated", moderation::reinstate));
    }

    @PostMapping("/posts/{id}/{action:hide|restore}")
    String post(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(redirect, onPosts, action, admin.id(), id, reason);
        return "redirect:/posts/" + id;
    }

    @PostMapping("/comments/{id}/{action:hide|restore}")
    String comment(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam long post,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        AdminActions.act(redirect, onComments, action, admin.id(), id, reason);
        return "redirect:/posts/" + post + "#comments";
    }

    /** A question or an answer, from the product's questions, where the admin sees it, hidden or not. */
    @PostMapping("/{kind:questions|answers}/{id}/{action:hide|restore}")
    String question(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam long product,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        boolean question = kind.equals("questions");
        AdminActions.act(redirect, question ? onQuestions : onAnswers, action, admin.id(), id, reason);
        return "redirect:/products/" + product + "/questions#" + (question ? "question-" : "answer-") + id;
    }

    @PostMapping("/accounts/{id}/{action:suspend|reinstate}")
    String account(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String q,
            RedirectAttributes redirect) {
        AdminActions.act(redirect, onAccounts, action, admin.id(), id, reason);
        redirect.addAttribute("q", q);
        return "redirect:/admin/members";
    }
}
