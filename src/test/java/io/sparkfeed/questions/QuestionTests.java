package io.sparkfeed.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.billing.Invoices;
import io.sparkfeed.moderation.ReportReason;
import io.sparkfeed.moderation.ReportTarget;
import io.sparkfeed.moderation.Reports;
import io.sparkfeed.notifications.MailPreferences;
import io.sparkfeed.notifications.NotificationKind;
import io.sparkfeed.notifications.NotificationKind.Delivery;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Product questions: anyone signed in (with a verified address) asks, on the product's page or on a post tagging
 * it, and every question is gathered on the product's questions; only someone who bought the product (paid) or
 * posted it answers, with the badge that says which; the posters and the asker are told, in the app and by mail in
 * their language; a report and an admin's takedown hide a question or answer and tell its author, who still sees it
 * marked, as admins do, who can restore it; a page costs at most four statements.
 */
class QuestionTests extends IntegrationTest {

    @Autowired
    Orders orders;

    @Autowired
    Invoices invoices;

    @Autowired
    Reports reports;

    @Autowired
    Questions questions;

    @Autowired
    MailPreferences preferences;

    private long ask(TestAccount asker, long product, Long fromPost, String body) throws Exception {
        var request =
                post("/questions").param("product", Long.toString(product)).param("body", body);
        if (fromPost != null) {
            request.param("from", fromPost.toString());
        }
        mvc.perform(request.with(asker.login()).with(csrf())).andExpect(status().is3xxRedirection());
        return jdbc.sql("select max(id) from product_questions where author_id = ?")
                .param(asker.id())
                .query(Long.class)
                .single();
    }

    private void answer(TestAccount answerer, long question, String body) throws Exception {
        mvc.perform(post("/questions/" + question + "/answers")
                        .param("body", body)
                        .with(answerer.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private void pay(TestAccount buyer, long product) {
        long order = fixtures.order(buyer.id(), product, 1, null);
        String reference = orders.get(buyer.id(), order).paymentReference();
        invoices.markPaid(fixtures.admin().id(), invoices.find(reference).orElseThrow(), null);
    }

    private Document questions(long product, TestAccount reader) throws Exception {
        var request = get("/products/" + product + "/questions");
        return page(reader == null ? request : request.with(reader.login()));
    }

    private long notifications(long recipient, String kind, long question) {
        return count(
                "select count(*) from notifications where recipient_id = ? and kind = ? and question_id = ?",
                recipient,
                kind,
                question);
    }

    @Test
    void onlyBuyersAndPostersAnswerWithTheirBadgeAndThePeopleConcernedAreTold() throws Exception {
        long product = fixtures.product(7);
        var poster = fixtures.primeMember();
        var buyer = fixtures.person();
        var asker = fixtures.person();
        var stranger = fixtures.person();
        var unpaid = fixtures.person();
        fixtures.post(poster, "my kettle", product);
        pay(buyer, product);
        fixtures.order(unpaid.id(), product, 1, null); // ordered, never paid
        // the asker reads their mails in French; answers come at once by default, like comments
        preferences.save(asker.id(), Map.of(), Locale.FRENCH);

        long question = ask(asker, product, null, "Does it whistle when it boils?");
        Document page = questions(product, asker);
        assertThat(page.select("#question-" + question + " .question-body").text())
                .isEqualTo("Does it whistle when it boils?");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(poster.id(), "QUESTION_ASKED", question) == 1);
        assertThat(NotificationKind.QUESTION_ASKED.byDefault()).isEqualTo(Delivery.INSTANT);
        MimeMessage asked = MailServer.await(poster.email(), 1).get(0);
        assertThat(MailServer.part(asked, "text/plain"))
                .contains("Test " + asker.handle() + " asked a question about a product you posted.")
                .contains("/unsubscribe?token=" + poster.id() + ".QUESTION_ASKED.");

        // neither bought (paid) nor posted: refused with the reason, nothing written
        for (TestAccount refused : List.of(stranger, unpaid)) {
            mvc.perform(post("/questions/" + question + "/answers")
                            .param("body", "I think so")
                            .with(refused.login())
                            .with(csrf()))
                    .andExpect(flash().attribute("problem", "questions.answer.notAllowed"));
        }
        assertThat(count("select count(*) from product_answers where question_id = ?", question))
                .isZero();

        answer(buyer, question, "Yes, loudly.");
        answer(poster, question, "Mine does too.");
        Element shown = questions(product, null).selectFirst("#question-" + question);
        List<String> answers = new ArrayList<>();
        for (Element a : shown.select(".answer")) {
            answers.add(a.selectFirst(".badge").text() + ": "
                    + a.selectFirst(".answer-body").text());
        }
        assertThat(answers).containsExactly("Bought it: Yes, loudly.", "Posted it: Mine does too.");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> notifications(asker.id(), "QUESTION_ANSWERED", question) == 2);
        List<MimeMessage> answered = MailServer.await(asker.email(), 2);
        assertThat(MailServer.part(answered.get(0), "text/plain")).contains("a répondu à votre question.");
        Document told = page(get("/notifications").with(asker.login()));
        assertThat(told.select(".notification-list a[href=/questions/" + question + "]"))
                .hasSize(2);
        // the notification's link leads to the question
        mvc.perform(get("/questions/" + question))
                .andExpect(redirectedUrl("/products/" + product + "/questions#question-" + question));
    }

    @Test
    void questionsAskedOnPostsAreGatheredOnTheProductsQuestions() throws Exception {
        long product = fixtures.product(8);
        long other = fixtures.product(9);
        var poster = fixtures.primeMember();
        var asker = fixtures.person();
        long post = fixtures.post(poster, "a lamp on a desk", product);
        long elsewhere = fixtures.post(poster, "something else", other);

        Document postPage = page(get("/posts/" + post).with(asker.login()));
        assertThat(postPage.select("#ask select[name=product] option").eachAttr("value"))
                .containsExactly(Long.toString(product));

        long question = ask(asker, product, post, "How bright is it?");
        Element gathered = questions(product, null).selectFirst("#question-" + question);
        assertThat(gathered.selectFirst(".question-body").text()).isEqualTo("How bright is it?");
        assertThat(gathered.selectFirst("a.asked-on").attr("href")).isEqualTo("/posts/" + post);

        // a post that does not tag the product is no place to ask about it
        mvc.perform(post("/questions")
                        .param("product", Long.toString(product))
                        .param("from", Long.toString(elsewhere))
                        .param("body", "And this?")
                        .with(asker.login())
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aQuestionIsBoundedAndNeedsAVerifiedAddress() throws Exception {
        long product = fixtures.product(7);
        var asker = fixtures.person();
        long before = count("select count(*) from product_questions where author_id = ?", asker.id());
        for (String body : List.of("   ", "x".repeat(501))) {
            mvc.perform(post("/questions")
                            .param("product", Long.toString(product))
                            .param("body", body)
                            .with(asker.login())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/products/" + product + "/questions#ask"));
        }
        jdbc.sql("update accounts set email_verified_at = null where id = ?")
                .param(asker.id())
                .update();
        mvc.perform(post("/questions")
                        .param("product", Long.toString(product))
                        .param("body", "Is it real?")
                        .with(asker.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "account.verifyEmail.required"));
        assertThat(count("select count(*) from product_questions where author_id = ?", asker.id()))
                .isEqualTo(before);
        // visitors cannot ask, and a form without its token is refused
        mvc.perform(post("/questions")
                        .param("product", Long.toString(product))
                        .param("body", "Hello?")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/questions")
                        .param("product", Long.toString(product))
                        .param("body", "Hello?")
                        .with(fixtures.person().login()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aReportedQuestionOrAnswerTakenDownByAnAdminDisappears() throws Exception {
        long product = fixtures.product(10);
        var poster = fixtures.primeMember();
        var asker = fixtures.person();
        var reporter = fixtures.person();
        var admin = fixtures.admin();
        fixtures.post(poster, "a bowl", product);
        long question = ask(asker, product, null, "Buy cheap watches at spam.example");
        long kept = ask(fixtures.person(), product, null, "Is it dishwasher safe?");
        answer(poster, kept, "Rude spam answer");
        long answer = jdbc.sql("select id from product_answers where question_id = ?")
                .param(kept)
                .query(Long.class)
                .single();

        reports.file(reporter.id(), ReportTarget.QUESTION, question, ReportReason.SPAM, null);
        reports.file(reporter.id(), ReportTarget.ANSWER, answer, ReportReason.HARASSMENT, null);
        Document queue = page(get("/admin/reports").param("order", "newest").with(admin.login()));
        assertThat(queue.select("#queue-QUESTION-" + question).text()).contains("Buy cheap watches");
        assertThat(queue.select("#queue-ANSWER-" + answer).text()).contains("Rude spam answer");

        for (String target : List.of("QUESTION", "ANSWER")) {
            mvc.perform(post("/admin/reports/resolve")
                            .param("target", target)
                            .param("id", Long.toString(target.equals("QUESTION") ? question : answer))
                            .param("outcome", "CONTENT_HIDDEN")
                            .param("reason", "spam")
                            .with(admin.login())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/admin/reports"));
        }
        Document page = questions(product, null);
        assertThat(page.select("#question-" + question)).isEmpty();
        assertThat(page.select("#question-" + kept)).hasSize(1);
        assertThat(page.select("#answer-" + answer)).isEmpty();
        assertThat(count(
                        "select count(*) from audit_entries where (action = 'QUESTION_HIDDEN' and target_id = ?)"
                                + " or (action = 'ANSWER_HIDDEN' and target_id = ?)",
                        question,
                        answer))
                .isEqualTo(2);
        // a hidden question takes no answers and has no page, but for its author and admins
        mvc.perform(get("/questions/" + question)).andExpect(status().isNotFound());
        mvc.perform(get("/questions/" + question).with(reporter.login())).andExpect(status().isNotFound());
        mvc.perform(get("/questions/" + question).with(asker.login()))
                .andExpect(redirectedUrl("/products/" + product + "/questions#question-" + question));

        // the authors are told why, like a comment's, and still see what they wrote, marked removed
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(asker.id(), "QUESTION_HIDDEN", question) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(poster.id(), "ANSWER_HIDDEN", kept) == 1);
        Document told = page(get("/notifications").with(asker.login()));
        assertThat(told.select(".notification-list").text())
                .contains("The team removed your question about a product.")
                .contains("spam");
        assertThat(questions(product, asker)
                        .select("#question-" + question + " .removed")
                        .text())
                .contains("spam");
        assertThat(questions(product, asker).select("#question-" + question + " .answer-form"))
                .isEmpty();
        assertThat(questions(product, poster).select("#answer-" + answer + " .removed"))
                .hasSize(1);
        assertThat(questions(product, reporter).select("#answer-" + answer)).isEmpty();

        // admins see both, marked, and restore them as they restore comments (audited; twice is refused)
        Document moderated = questions(product, admin);
        assertThat(moderated
                        .select("#question-" + question + " form[action*=/restore] button")
                        .text())
                .isEqualTo("Restore the question");
        assertThat(moderated
                        .select("#answer-" + answer + " form[action*=/restore] button")
                        .text())
                .isEqualTo("Restore the answer");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/moderation/questions/" + question + "/restore")
                            .param("product", Long.toString(product))
                            .param("reason", "not spam after all")
                            .with(admin.login())
                            .with(csrf()))
                    .andExpect(redirectedUrl("/products/" + product + "/questions#question-" + question))
                    .andExpect(
                            i == 0
                                    ? flash().attribute("notice", "admin.moderation.questionRestored")
                                    : flash().attribute("problem", "moderation.question.notHidden"));
        }
        mvc.perform(post("/admin/moderation/answers/" + answer + "/restore")
                        .param("product", Long.toString(product))
                        .param("reason", "fine")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.answerRestored"));
        Document restored = questions(product, null);
        assertThat(restored.select("#question-" + question + " .question-body").text())
                .isEqualTo("Buy cheap watches at spam.example");
        assertThat(restored.select("#answer-" + answer + " .answer-body").text())
                .isEqualTo("Rude spam answer");
        assertThat(restored.select(".removed")).isEmpty();
        assertThat(count(
                        "select count(*) from audit_entries where (action = 'QUESTION_RESTORED' and target_id = ?)"
                                + " or (action = 'ANSWER_RESTORED' and target_id = ?)",
                        question,
                        answer))
                .isEqualTo(2);
        // only admins moderate
        mvc.perform(post("/admin/moderation/questions/" + question + "/hide")
                        .param("product", Long.toString(product))
                        .param("reason", "mine")
                        .with(reporter.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(questions(product, null).select("#question-" + question)).hasSize(1);
    }

    @Test
    void aPageOfQuestionsCostsAtMostFourStatementsAtEverySizeAndDepth() throws Exception {
        long product = fixtures.product(11);
        var poster = fixtures.primeMember();
        var reader = fixtures.person();
        fixtures.post(poster, "a chair", product);
        for (int i = 0; i < 12; i++) {
            long q = questions.ask(fixtures.person().id(), product, null, "Question number " + i + "?");
            questions.answer(poster.id(), q, "Answer " + i);
            questions.answer(poster.id(), q, "Another answer " + i);
        }
        for (TestAccount who : new TestAccount[] {null, reader}) {
            for (int size : new int[] {3, 5, 20}) {
                String url = "/products/" + product + "/questions?size=" + size;
                for (int depth = 0; depth < 3 && url != null; depth++) {
                    var request = who == null ? get(url) : get(url).with(who.login());
                    Document d = page(request);
                    assertThat(d.select(".question")).as(url).isNotEmpty();
                    assertThat(d.select(".question .answer")).as(url).isNotEmpty();
                    assertThat(statements(who == null ? get(url) : get(url).with(who.login())))
                            .as(url)
                            .isBetween(1, 4);
                    Element more = d.selectFirst(".question-list .more a");
                    url = more == null ? null : more.attr("href");
                }
            }
        }
    }
}
