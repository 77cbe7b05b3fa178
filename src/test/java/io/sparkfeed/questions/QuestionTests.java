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
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Product questions: anyone signed in (with a verified address) asks, on the product's page or on a post tagging
 * it, and every question is gathered on the product's questions; only someone who bought the product (paid) or
 * posted it answers, with the badge that says which; the posters and the asker are told; a report and an admin's
 * takedown hide a question or answer; a page costs at most four statements.
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

        long question = ask(asker, product, null, "Does it whistle when it boils?");
        Document page = questions(product, asker);
        assertThat(page.select("#question-" + question + " .question-body").text())
                .isEqualTo("Does it whistle when it boils?");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(poster.id(), "QUESTION_ASKED", question) == 1);

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
        // a hidden question takes no answers and has no page
        mvc.perform(get("/questions/" + question)).andExpect(status().isNotFound());
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
