package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import java.util.List;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.ResultActions;

class ReportTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    Reactions reactions;

    @Autowired
    Reports reports;

    private ResultActions report(TestAccount who, String type, long id, String reason, String details)
            throws Exception {
        var request = post("/report")
                .param("type", type)
                .param("id", String.valueOf(id))
                .with(who.login())
                .with(csrf());
        if (reason != null) {
            request.param("reason", reason);
        }
        if (details != null) {
            request.param("details", details);
        }
        return mvc.perform(request);
    }

    private long openReports(String type, long id) {
        return count(
                "select count(*) from reports where target_type = ? and target_id = ? and status = 'OPEN'", type, id);
    }

    @Test
    void theQueueShowsEveryReportedItemWithItsTextInAFewStatementsWhateverTheNumberOfRows() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        long post = fixtures.post(author, "a caption worth reporting");
        long comment = reactions.comment(author.id(), post, "a comment worth reporting");
        var account = fixtures.person();
        report(fixtures.person(), "POST", post, "SPAM", "").andExpect(redirectedUrl("/me/reports"));
        report(fixtures.person(), "COMMENT", comment, "HARASSMENT", "").andExpect(redirectedUrl("/me/reports"));
        report(fixtures.person(), "ACCOUNT", account.id(), "SPAM", "").andExpect(redirectedUrl("/me/reports"));
        for (int i = 0; i < 3; i++) {
            report(fixtures.person(), "POST", fixtures.post(author, "more " + i), "SPAM", "")
                    .andExpect(redirectedUrl("/me/reports"));
        }
        page(get("/admin/reports?order=newest").with(admin.login())); // warm-up

        StatementCounter.reset();
        Document queue = page(get("/admin/reports?order=newest").with(admin.login()));

        assertThat(queue.select("[id^=queue-]")).hasSizeGreaterThanOrEqualTo(6);
        // the signed-in account and the queue: never a statement per row
        assertThat(StatementCounter.count()).isLessThanOrEqualTo(4);
        assertThat(queue.select("#queue-POST-" + post).text()).contains("a caption worth reporting");
        assertThat(queue.select("#queue-COMMENT-" + comment).text()).contains("a comment worth reporting");
        assertThat(queue.select("#queue-ACCOUNT-" + account.id()).text()).contains("@" + account.handle());
    }

    @Test
    void theReportLinksAreOnThePostItsCommentsAndTheProfile() throws Exception {
        var author = fixtures.primeMember();
        var reader = fixtures.person();
        long post = fixtures.post(author, "reportable");
        long comment = reactions.comment(author.id(), post, "a comment");
        Document d = page(get("/posts/" + post).with(reader.login()));
        assertThat(d.select("a[href='/report?type=POST&id=" + post + "']")).hasSize(1);
        assertThat(d.select("a[href='/report?type=COMMENT&id=" + comment + "']"))
                .hasSize(1);
        assertThat(page(get("/@" + author.handle()).with(reader.login()))
                        .select("a[href='/report?type=ACCOUNT&id=" + author.id() + "']"))
                .hasSize(1);
        assertThat(page(get("/posts/" + post).with(author.login())).select("a[href^='/report']"))
                .isEmpty();
        assertThat(page(get("/report")
                                .param("type", "POST")
                                .param("id", String.valueOf(post))
                                .with(reader.login()))
                        .select("input[name=reason]"))
                .hasSize(ReportReason.values().length);
        mvc.perform(get("/report").param("type", "POST").param("id", String.valueOf(post)))
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void oneOpenReportPerReporterPerItem() throws Exception {
        var author = fixtures.primeMember();
        var reporter = fixtures.person();
        long post = fixtures.post(author, "spammy");
        report(reporter, "POST", post, "SPAM", "")
                .andExpect(redirectedUrl("/me/reports"))
                .andExpect(flash().attribute("notice", "report.filed"));
        report(reporter, "POST", post, "COUNTERFEIT", "")
                .andExpect(status().is(422))
                .andExpect(content().string(Matchers.containsString("already reported this")));
        assertThat(openReports("POST", post)).isEqualTo(1);
        // the database holds the rule even when two requests race past the service
        assertThatThrownBy(() -> jdbc.sql("insert into reports (reporter_id, target_type, target_id, reason) "
                                + "values (?, 'POST', ?, 'SPAM')")
                        .params(reporter.id(), post)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        report(fixtures.person(), "POST", post, "SPAM", null).andExpect(redirectedUrl("/me/reports"));
        assertThat(openReports("POST", post)).isEqualTo(2);
    }

    @Test
    void aReportNeedsAReasonAndNeverTargetsOneself() throws Exception {
        var author = fixtures.primeMember();
        var reporter = fixtures.person();
        long post = fixtures.post(author, "fine");
        report(reporter, "POST", post, null, "").andExpect(status().is(422));
        report(reporter, "POST", post, "OTHER", "  ")
                .andExpect(status().is(422))
                .andExpect(content().string(Matchers.containsString("Say what is wrong")));
        report(author, "POST", post, "SPAM", "").andExpect(status().is(422));
        report(reporter, "ACCOUNT", reporter.id(), "SPAM", "").andExpect(status().is(422));
        report(reporter, "POST", 999_999_999L, "SPAM", "").andExpect(status().isNotFound());
        assertThat(openReports("POST", post)).isZero();
        report(reporter, "POST", post, "OTHER", "Looks like a scam").andExpect(redirectedUrl("/me/reports"));
        assertThat(openReports("POST", post)).isEqualTo(1);
    }

    @Test
    void anAdminHidesAReportedPostAndItsReportersSeeItHandled() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var first = fixtures.person();
        var second = fixtures.primeMember();
        long post = fixtures.post(author, "fake designer bag");
        report(first, "POST", post, "COUNTERFEIT", "").andExpect(redirectedUrl("/me/reports"));
        report(second, "POST", post, "OTHER", "Same bag sold on a scam site").andExpect(redirectedUrl("/me/reports"));

        Document queue = page(get("/admin/reports?order=newest").with(admin.login()));
        var item = queue.select("#queue-POST-" + post);
        assertThat(item.text())
                .contains("2 reporters")
                .contains("Counterfeit product")
                .contains("Same bag sold on a scam site")
                .contains("@" + author.handle());
        assertThat(page(get("/me/reports").with(first.login())).text()).contains("Waiting for the team");

        mvc.perform(post("/admin/reports/resolve")
                        .param("target", "POST")
                        .param("id", String.valueOf(post))
                        .param("outcome", "CONTENT_HIDDEN")
                        .param("reason", "Counterfeit")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/reports"))
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));

        mvc.perform(get("/posts/" + post)).andExpect(status().isGone());
        assertThat(openReports("POST", post)).isZero();
        assertThat(page(get("/admin/reports?order=newest").with(admin.login())).select("#queue-POST-" + post))
                .isEmpty();
        for (TestAccount reporter : List.of(first, second)) {
            assertThat(page(get("/me/reports").with(reporter.login())).text())
                    .contains("Handled: the content was removed");
        }
        assertThat(jdbc.sql("select action || ':' || reason from audit_entries where target_type = 'POST' "
                                + "and target_id = ? order by id")
                        .param(post)
                        .query(String.class)
                        .list())
                .containsExactly("POST_HIDDEN:Counterfeit", "REPORTS_RESOLVED:Counterfeit");
        // nothing open any more: resolving again is refused and changes nothing
        mvc.perform(post("/admin/reports/resolve")
                        .param("target", "POST")
                        .param("id", String.valueOf(post))
                        .param("outcome", "DISMISSED")
                        .param("reason", "again")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.reports.nothingOpen"));
    }

    @Test
    void anAdminSuspendsTheAuthorOfAReportedCommentOrDismissesAReportedAccount() throws Exception {
        var admin = fixtures.admin();
        var troll = fixtures.primeMember();
        var victim = fixtures.primeMember();
        long post = fixtures.post(victim, "my photo");
        long comment = reactions.comment(troll.id(), post, "you are ugly");
        report(victim, "COMMENT", comment, "HARASSMENT", "").andExpect(redirectedUrl("/me/reports"));
        report(victim, "ACCOUNT", troll.id(), "HARASSMENT", "").andExpect(redirectedUrl("/me/reports"));

        mvc.perform(post("/admin/reports/resolve")
                        .param("target", "COMMENT")
                        .param("id", String.valueOf(comment))
                        .param("outcome", "AUTHOR_SUSPENDED")
                        .param("reason", "Harassment")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));
        assertThat(jdbc.sql("select suspended_at is not null from accounts where id = ?")
                        .param(troll.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(post("/admin/reports/resolve")
                        .param("target", "ACCOUNT")
                        .param("id", String.valueOf(troll.id()))
                        .param("outcome", "DISMISSED")
                        .param("reason", "Handled with the comment")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));
        assertThat(page(get("/me/reports").with(victim.login())).text())
                .contains("Handled: the account was suspended")
                .contains("Handled: no action taken");
        assertThat(jdbc.sql("select action from audit_entries where actor_id = ? order by id")
                        .param(admin.id())
                        .query(String.class)
                        .list())
                .containsExactly("ACCOUNT_SUSPENDED", "REPORTS_RESOLVED", "REPORTS_RESOLVED");
    }

    private ResultActions resolve(TestAccount admin, String type, long id, String outcome, String reason)
            throws Exception {
        return mvc.perform(post("/admin/reports/resolve")
                .param("target", type)
                .param("id", String.valueOf(id))
                .param("outcome", outcome)
                .param("reason", reason)
                .with(admin.login())
                .with(csrf()));
    }

    private boolean suspended(TestAccount who) {
        return jdbc.sql("select suspended_at is not null from accounts where id = ?")
                .param(who.id())
                .query(Boolean.class)
                .single();
    }

    @Test
    void aReportOutlivesTheContentItsAuthorDeletedAndTheAuthorCanStillBeSuspended() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var reporter = fixtures.person();
        long post = fixtures.post(author, "scam, soon deleted");
        report(reporter, "POST", post, "SPAM", "").andExpect(redirectedUrl("/me/reports"));
        posts.delete(author.id(), post);

        var item = page(get("/admin/reports?order=newest").with(admin.login())).select("#queue-POST-" + post);
        assertThat(item.text()).contains("deleted by its author").contains("@" + author.handle());
        assertThat(item.select("option").eachAttr("value"))
                .containsExactly("DISMISSED", "CONTENT_HIDDEN", "AUTHOR_SUSPENDED");

        resolve(admin, "POST", post, "AUTHOR_SUSPENDED", "Scammer")
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));
        assertThat(suspended(author)).isTrue();
        assertThat(page(get("/me/reports").with(reporter.login())).text())
                .contains("Handled: the account was suspended");
        assertThat(jdbc.sql("select action || ':' || target_type || ':' || target_id from audit_entries "
                                + "where actor_id = ? order by id")
                        .param(admin.id())
                        .query(String.class)
                        .list())
                .containsExactly("ACCOUNT_SUSPENDED:ACCOUNT:" + author.id(), "REPORTS_RESOLVED:POST:" + post);
    }

    @Test
    void deletedContentCountsAsRemoved() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var reporter = fixtures.person();
        long post = fixtures.post(author, "gone before the team looked");
        report(reporter, "POST", post, "COUNTERFEIT", "").andExpect(redirectedUrl("/me/reports"));
        posts.delete(author.id(), post);
        resolve(admin, "POST", post, "CONTENT_HIDDEN", "Deleted anyway")
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));
        assertThat(page(get("/me/reports").with(reporter.login())).text()).contains("Handled: the content was removed");
        assertThat(jdbc.sql("select details from audit_entries where actor_id = ? and action = 'REPORTS_RESOLVED'")
                        .param(admin.id())
                        .query(String.class)
                        .single())
                .contains("deleted by its author");
    }

    @Test
    void hidingHiddenContentOrSuspendingASuspendedAuthorStillResolvesTheReports() throws Exception {
        var admin = fixtures.admin();
        var author = fixtures.primeMember();
        var reporter = fixtures.person();
        long hiddenPost = fixtures.post(author, "hidden before its report was handled");
        long otherPost = fixtures.post(author, "by an author suspended meanwhile");
        report(reporter, "POST", hiddenPost, "SPAM", "").andExpect(redirectedUrl("/me/reports"));
        report(reporter, "POST", otherPost, "SPAM", "").andExpect(redirectedUrl("/me/reports"));
        mvc.perform(post("/admin/moderation/posts/" + hiddenPost + "/hide")
                        .param("reason", "Spam")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.postHidden"));
        mvc.perform(post("/admin/moderation/accounts/" + author.id() + "/suspend")
                        .param("reason", "Spammer")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.moderation.suspended"));

        Document queue = page(get("/admin/reports?order=newest").with(admin.login()));
        for (long post : List.of(hiddenPost, otherPost)) {
            assertThat(queue.select("#queue-POST-" + post + " option").eachAttr("value"))
                    .containsExactly("DISMISSED", "CONTENT_HIDDEN", "AUTHOR_SUSPENDED");
        }
        resolve(admin, "POST", hiddenPost, "CONTENT_HIDDEN", "Spam")
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));
        resolve(admin, "POST", otherPost, "AUTHOR_SUSPENDED", "Spammer")
                .andExpect(flash().attribute("notice", "admin.reports.resolved"));

        assertThat(openReports("POST", hiddenPost) + openReports("POST", otherPost))
                .isZero();
        assertThat(page(get("/me/reports").with(reporter.login())).text())
                .contains("Handled: the content was removed")
                .contains("Handled: the account was suspended");
        assertThat(jdbc.sql(
                                "select action || ':' || coalesce(details, '-') from audit_entries where actor_id = ? order by id")
                        .param(admin.id())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "POST_HIDDEN:author " + author.id(),
                        "ACCOUNT_SUSPENDED:-",
                        "REPORTS_RESOLVED:CONTENT_HIDDEN (already hidden), 1 report(s)",
                        "REPORTS_RESOLVED:AUTHOR_SUSPENDED (already suspended), 1 report(s)");
    }

    @Test
    void aSuspendedAccountCannotFileAReportEvenPastTheWebLayer() {
        var author = fixtures.primeMember();
        var reporter = fixtures.person();
        long post = fixtures.post(author, "reported by a suspended account");
        jdbc.sql("update accounts set suspended_at = now() where id = ?")
                .param(reporter.id())
                .update();
        assertThatThrownBy(() -> reports.file(reporter.id(), ReportTarget.POST, post, ReportReason.SPAM, ""))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("report.suspended");
        assertThat(openReports("POST", post)).isZero();
    }
}
