package io.sparkfeed.posts.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.CommentPage;
import io.sparkfeed.posts.CommentView;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.posts.SmileState;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Smiles and comments. Plain forms redirect back to the post; with htmx the same handlers answer with the
 * fragment to swap in place (never the whole list of comments).
 */
@Controller
class ReactionController {

    private final Posts posts;
    private final Reactions reactions;

    ReactionController(Posts posts, Reactions reactions) {
        this.posts = posts;
        this.reactions = reactions;
    }

    @RateLimited(Limit.SMILE)
    @PostMapping("/posts/{id}/smile")
    String smile(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, HtmxRequest htmx, Model model) {
        return smileAnswer(reactions.smile(me.id(), id), htmx, model);
    }

    @RateLimited(Limit.SMILE)
    @PostMapping("/posts/{id}/unsmile")
    String unsmile(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me, HtmxRequest htmx, Model model) {
        return smileAnswer(reactions.unsmile(me.id(), id), htmx, model);
    }

    /**
     * Adds a comment. With htmx the answer is only the new comment (appended to the list) and, out of band, the
     * emptied form and the new count; a refused comment answers the form with the reason and the draft.
     */
    @RateLimited(Limit.COMMENT)
    @PostMapping("/posts/{id}/comments")
    String comment(
            @PathVariable long id,
            @AuthenticationPrincipal AccountPrincipal me,
            @RequestParam(defaultValue = "") String body,
            HtmxRequest htmx,
            Model model,
            RedirectAttributes redirect) {
        String problem = null;
        Long added = null;
        try {
            added = reactions.comment(me.id(), id, body);
        } catch (UserFacingException rejected) { // a rule of the comment, or an address still to verify
            problem = rejected.messageKey();
        }
        if (htmx.isHtmxRequest()) {
            List<CommentView> comments = added == null ? List.of() : List.of(reactions.comment(added));
            commentModel(model, id, posts.authorOf(id), new CommentPage(comments, null));
            model.addAttribute("commentCount", reactions.commentCount(id));
            model.addAttribute("commentProblem", problem);
            model.addAttribute("draft", problem == null ? "" : body);
            model.addAttribute("oob", true);
            return "posts/show :: comment-added";
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/posts/" + id + "#comments";
    }

    /**
     * Deletes a comment; with htmx the comment's line goes (an empty answer in its place) and the count is
     * updated out of band.
     */
    @PostMapping("/posts/{postId}/comments/{commentId}/delete")
    String deleteComment(
            @PathVariable long postId,
            @PathVariable long commentId,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model) {
        reactions.deleteComment(me.id(), postId, commentId);
        if (htmx.isHtmxRequest()) {
            commentModel(model, postId, posts.authorOf(postId), new CommentPage(List.of(), null));
            model.addAttribute("commentCount", reactions.commentCount(postId));
            model.addAttribute("oob", true);
            return "posts/show :: comment-removed";
        }
        return "redirect:/posts/" + postId + "#comments";
    }

    /** What the comment fragments of the post page need: the page of comments and whose post it is. */
    static void commentModel(Model model, long postId, long postAuthorId, CommentPage page) {
        model.addAttribute("postId", postId);
        model.addAttribute("postAuthorId", postAuthorId);
        model.addAttribute("comments", page.comments());
        model.addAttribute("commentsNext", page.next());
    }

    private static String smileAnswer(SmileState state, HtmxRequest htmx, Model model) {
        if (htmx.isHtmxRequest()) {
            model.addAttribute("smile", state);
            return "fragments/post :: smile-button";
        }
        return "redirect:/posts/" + state.postId();
    }
}
