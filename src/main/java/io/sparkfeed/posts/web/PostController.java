package io.sparkfeed.posts.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Interests;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.media.ImageUpload;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.ImagesBusyException;
import io.sparkfeed.platform.GoneException;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostCards;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.PostRejectedException;
import io.sparkfeed.posts.PostingDecision;
import io.sparkfeed.posts.PostingPolicy;
import io.sparkfeed.posts.PostingRefusedException;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A post's page, and publishing, editing and deleting posts. */
@Controller
class PostController {

    /** Comments a post page shows at once; the More link brings the next ones. */
    static final int COMMENTS_PAGE = 50;

    private final Posts posts;
    private final Reactions reactions;
    private final PostCards cards;
    private final PostingPolicy policy;
    private final Catalog catalog;
    private final Interests interests;
    private final Images images;
    private final PublicUrl publicUrl;
    private final MessageSource messages;

    PostController(
            PublicUrl publicUrl,
            MessageSource messages,
            Posts posts,
            Reactions reactions,
            PostCards cards,
            PostingPolicy policy,
            Catalog catalog,
            Interests interests,
            Images images) {
        this.images = images;
        this.publicUrl = publicUrl;
        this.messages = messages;
        this.posts = posts;
        this.reactions = reactions;
        this.cards = cards;
        this.policy = policy;
        this.catalog = catalog;
        this.interests = interests;
    }

    /**
     * A post and a page of its comments: the first, or those after {@code comments} (a cursor, from the More link;
     * with htmx only the next comments and the new More link).
     */
    @GetMapping("/posts/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(name = "comments", required = false) Cursor from,
            @AuthenticationPrincipal AccountPrincipal viewer,
            HtmxRequest htmx,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        Long viewerId = viewer == null ? null : viewer.id();
        boolean admin = viewer != null && viewer.admin();
        PostCard post = cards.one(id, viewerId, admin)
                .orElseThrow(
                        () -> posts.gone(id) ? new GoneException("post " + id) : new NotFoundException("post " + id));
        ReactionController.commentModel(
                model, id, post.author().id(), reactions.comments(id, viewerId, admin, from, COMMENTS_PAGE));
        if (htmx.isHtmxRequest() && from != null) {
            model.addAttribute("oob", true);
            return "posts/show :: more-comments";
        }
        model.addAttribute("post", post);
        if (!post.hidden()) {
            model.addAttribute(
                    "jsonLd",
                    PostStructuredData.of(
                            post,
                            publicUrl.base(request),
                            messages.getMessage("app.name", null, locale),
                            messages.getMessage(
                                    "post.title", new Object[] {post.author().displayName()}, locale)));
            model.addAttribute("oembed", publicUrl.oembed(request, "/posts/" + id));
        }
        model.addAttribute("commentCount", post.commentCount());
        model.addAttribute("own", viewerId != null && post.author().id() == viewerId);
        return "posts/show";
    }

    @GetMapping("/posts/new")
    String newPost(@AuthenticationPrincipal AccountPrincipal author, Model model, HttpServletResponse response) {
        PostingDecision decision = policy.check(author.id());
        if (!decision.allowed()) {
            return refused(decision, model, response);
        }
        return form(model, PostForm.empty(), null);
    }

    /**
     * The new-post form at the address it was posted to: where a browser comes back when a form shown again after
     * a refused photo is sent with a file too large for the server (see platform's UploadLimitFilter).
     */
    @GetMapping("/posts")
    String newPostAgain() {
        return "forward:/posts/new";
    }

    @PostMapping("/posts")
    String publish(
            @AuthenticationPrincipal AccountPrincipal author,
            @ModelAttribute("form") PostForm form,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        // the photo streams into a temporary file, deleted once the post is published or refused
        try (ImageUpload upload = photo == null ? null : images.receive(photo.getInputStream())) {
            long id = posts.publish(author.id(), form.content(), upload);
            redirect.addFlashAttribute("notice", "post.published");
            return "redirect:/posts/" + id;
        } catch (PostingRefusedException refused) {
            return refused(refused.decision(), model, response);
        } catch (PostRejectedException rejected) {
            response.setStatus(422);
            return form(model, form, rejected);
        } catch (ImagesBusyException busy) {
            // the form again, as it was sent, with when to send it again
            busy.answer(response);
            return form(model, form, busy);
        }
    }

    @GetMapping("/posts/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal author, Model model) {
        PostCard post = ownPost(id, author);
        model.addAttribute("post", post);
        return form(model, PostForm.of(post), null);
    }

    @RateLimited(Limit.POST_EDIT)
    @PostMapping("/posts/{id}/edit")
    String saveEdit(
            @PathVariable long id,
            @AuthenticationPrincipal AccountPrincipal author,
            @ModelAttribute("form") PostForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            posts.edit(author.id(), id, form.content());
            redirect.addFlashAttribute("notice", "post.saved");
            return "redirect:/posts/" + id;
        } catch (PostRejectedException rejected) {
            response.setStatus(422);
            model.addAttribute("post", ownPost(id, author));
            return form(model, form, rejected);
        }
    }

    @PostMapping("/posts/{id}/delete")
    String delete(
            @PathVariable long id, @AuthenticationPrincipal AccountPrincipal author, RedirectAttributes redirect) {
        posts.delete(author.id(), id);
        redirect.addFlashAttribute("notice", "post.deleted");
        return "redirect:/@" + author.handle();
    }

    private PostCard ownPost(long id, AccountPrincipal author) {
        PostCard post = cards.one(id, author.id(), false).orElseThrow(() -> new NotFoundException("post " + id));
        if (post.author().id() != author.id()) {
            throw new AccessDeniedException("not the author");
        }
        return post;
    }

    private String form(Model model, PostForm form, UserFacingException problem) {
        model.addAttribute("form", form);
        model.addAttribute("rows", IntStream.range(0, PostForm.ROWS).boxed().toList());
        model.addAttribute("products", catalog.find("", 500));
        model.addAttribute("interests", interests.all());
        model.addAttribute("maxCaption", PostContent.MAX_CAPTION);
        if (problem != null) {
            model.addAttribute("formProblem", problem);
        }
        return "posts/form";
    }

    private String refused(PostingDecision decision, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("decision", decision);
        return "posts/not-allowed";
    }
}
