package io.sparkfeed.posts.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.posts.PostRejectedException;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.SmileState;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Smiles and comments. Plain forms redirect back to the post; with htmx the same handlers answer with the
 * fragment to swap in place.
 */
@Controller
class ReactionController {

    private final Posts posts;

    ReactionController(Posts posts) {
        this.posts = posts;
    }

    @PostMapping("/posts/{id}/smile")
    String smile(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, HtmxRequest htmx,
            Model model) {
        return smileAnswer(posts.smile(me.id(), id), htmx, model);
    }

    @PostMapping("/posts/{id}/unsmile")
    String unsmile(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, HtmxRequest htmx,
            Model model) {
        return smileAnswer(posts.unsmile(me.id(), id), htmx, model);
    }

    @PostMapping("/posts/{id}/comments")
    String comment(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me,
            @RequestParam(defaultValue = "") String body, HtmxRequest htmx, Model model,
            RedirectAttributes redirect) {
        String problem = null;
        try {
            posts.comment(me.id(), id, body);
        } catch (PostRejectedException rejected) {
            problem = rejected.messageKey();
        }
        if (htmx.isHtmxRequest()) {
            return comments(id, me, model, problem, problem == null ? "" : body);
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/posts/" + id + "#comments";
    }

    @PostMapping("/posts/{postId}/comments/{commentId}/delete")
    String deleteComment(@PathVariable long postId, @PathVariable long commentId,
            @AuthenticationPrincipal AccountPrincipal me, HtmxRequest htmx, Model model) {
        posts.deleteComment(me.id(), postId, commentId);
        if (htmx.isHtmxRequest()) {
            return comments(postId, me, model, null, "");
        }
        return "redirect:/posts/" + postId + "#comments";
    }

    private String comments(long postId, AccountPrincipal me, Model model, String problem, String draft) {
        model.addAttribute("postId", postId);
        model.addAttribute("postAuthorId", posts.authorOf(postId));
        model.addAttribute("comments", posts.comments(postId, me.id(), me.admin()));
        model.addAttribute("commentProblem", problem);
        model.addAttribute("draft", draft);
        return "posts/show :: comments";
    }

    private static String smileAnswer(SmileState state, HtmxRequest htmx, Model model) {
        if (htmx.isHtmxRequest()) {
            model.addAttribute("smile", state);
            return "fragments/post :: smile-button";
        }
        return "redirect:/posts/" + state.postId();
    }
}
