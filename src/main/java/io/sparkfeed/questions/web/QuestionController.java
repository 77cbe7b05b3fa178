package io.sparkfeed.questions.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.platform.Limit;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.RateLimited;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.questions.Questions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's questions (keyset-paged, newest first; with htmx the product page loads the first page in place),
 * asking one (from the product's page or a post tagging it) and answering one.
 */
@Controller
class QuestionController {

    static final int MAX_PAGE_SIZE = 20;

    private final Questions questions;
    private final Catalog catalog;

    QuestionController(Questions questions, Catalog catalog) {
        this.questions = questions;
        this.catalog = catalog;
    }

    @GetMapping("/products/{id}/questions")
    String list(
            @PathVariable long id,
            @RequestParam(required = false) Cursor after,
            @RequestParam(defaultValue = "10") int size,
            @AuthenticationPrincipal AccountPrincipal me,
            HtmxRequest htmx,
            Model model) {
        int bounded = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        model.addAttribute("product", catalog.get(id));
        model.addAttribute(
                "questions", questions.page(id, me == null ? null : me.id(), me != null && me.admin(), after, bounded));
        model.addAttribute("size", bounded);
        if (htmx.isHtmxRequest()) {
            return after == null ? "questions/list :: questions-section" : "questions/list :: question-items";
        }
        return "questions/list";
    }

    /**
     * A question where it is shown: its product's questions (notifications and reports link here). A hidden one only
     * for its author and admins, who still see it there.
     */
    @GetMapping("/questions/{id}")
    String question(@PathVariable long id, @AuthenticationPrincipal AccountPrincipal me) {
        long product = questions
                .productShowing(id, me == null ? null : me.id(), me != null && me.admin())
                .orElseThrow(() -> new NotFoundException("question " + id));
        return "redirect:/products/" + product + "/questions#question-" + id;
    }

    @RateLimited(Limit.QUESTION)
    @PostMapping("/questions")
    String ask(
            @RequestParam long product,
            @RequestParam(required = false) Long from,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        try {
            long id = questions.ask(me.id(), product, from, bounded(body, Questions.QUESTION_MAX));
            return "redirect:/products/" + product + "/questions#question-" + id;
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            redirect.addFlashAttribute("questionDraft", bounded(body, Questions.QUESTION_MAX));
            return from == null
                    ? "redirect:/products/" + product + "/questions#ask"
                    : "redirect:/posts/" + from + "#ask";
        }
    }

    @RateLimited(Limit.QUESTION)
    @PostMapping("/questions/{id}/answers")
    String answer(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal AccountPrincipal me,
            RedirectAttributes redirect) {
        long product = questions.productOf(id).orElseThrow(() -> new NotFoundException("question " + id));
        try {
            long answer = questions.answer(me.id(), id, bounded(body, Questions.ANSWER_MAX));
            return "redirect:/products/" + product + "/questions#answer-" + answer;
        } catch (UserFacingException refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            redirect.addFlashAttribute("answerDraft", bounded(body, Questions.ANSWER_MAX));
            redirect.addFlashAttribute("answerQuestion", id);
            return "redirect:/products/" + product + "/questions#question-" + id;
        }
    }

    /** A request's text cut to a little over its limit before any work (the service refuses what is too long). */
    private static String bounded(String body, int max) {
        return body.length() > max + 1 ? body.substring(0, max + 1) : body;
    }
}
