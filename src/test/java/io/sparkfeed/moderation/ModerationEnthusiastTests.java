package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ModerationEnthusiastTests extends IntegrationTest {

    private static final String PITCH = "I photograph every pair of boots I resole, with the kit I used.";

    private ResultActions apply(TestAccount who) throws Exception {
        return mvc.perform(post("/enthusiasts/apply")
                .param("pitch", PITCH)
                .param("interests", "boots, leather")
                .param("links", "https://example.com/me")
                .with(who.login())
                .with(csrf()));
    }

    private long application(TestAccount who) {
        return jdbc.sql("select id from enthusiast_applications where account_id = ? order by id desc limit 1")
                .param(who.id())
                .query(Long.class)
                .single();
    }

    private String enthusiastStatus(TestAccount who) {
        return jdbc.sql("select enthusiast from accounts where id = ?")
                .param(who.id())
                .query(String.class)
                .single();
    }

    private ResultActions admin(TestAccount admin, String path, String... params) throws Exception {
        var request = post(path).with(admin.login()).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void adminRoutesAreForAdminsOnly() throws Exception {
        var target = fixtures.enthusiast();
        List<MockHttpServletRequestBuilder> routes = List.of(
                get("/admin/enthusiasts"),
                post("/admin/enthusiasts/applications/1/approve")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/enthusiasts/applications/1/decline")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/enthusiasts/" + target.id() + "/suspend")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/enthusiasts/" + target.id() + "/reinstate")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/enthusiasts/" + target.id() + "/revoke")
                        .param("reason", "r")
                        .with(csrf()));
        for (var route : routes) {
            mvc.perform(route).andExpect(redirectedUrl("/login"));
        }
        for (TestAccount who :
                List.of(fixtures.person(), fixtures.trialMember(), fixtures.primeMember(), fixtures.enthusiast())) {
            for (var route : routes) {
                mvc.perform(route.with(who.login())).andExpect(status().isForbidden());
            }
        }
        assertThat(enthusiastStatus(target)).isEqualTo("APPROVED");
    }

    @Test
    void onlyPrimeMembersApplyAndOnceAtATime() throws Exception {
        var nonMember = fixtures.person();
        apply(nonMember).andExpect(status().is(422));
        assertThat(page(get("/enthusiasts/apply").with(nonMember.login())).select("form[action='/enthusiasts/apply']"))
                .isEmpty();
        var member = fixtures.primeMember();
        apply(member).andExpect(redirectedUrl("/enthusiasts/apply"));
        apply(member).andExpect(status().is(422));
        assertThat(page(get("/enthusiasts/apply").with(member.login()))
                        .select("#application-status")
                        .text())
                .contains("waiting for the team");
        mvc.perform(get("/enthusiasts/apply")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anAdminApprovesOrDeclinesAndTheApplicantSeesIt() throws Exception {
        var admin = fixtures.admin();
        var approved = fixtures.primeMember();
        var declined = fixtures.primeMember();
        apply(approved);
        apply(declined);
        assertThat(page(get("/admin/enthusiasts").with(admin.login()))
                        .select("#application-" + application(approved))
                        .text())
                .contains(PITCH);

        admin(admin, "/admin/enthusiasts/applications/" + application(approved) + "/approve", "reason", "Great photos")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.approved"));
        admin(admin, "/admin/enthusiasts/applications/" + application(declined) + "/decline", "reason", "Too few posts")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.declined"));
        admin(admin, "/admin/enthusiasts/applications/" + application(declined) + "/approve", "reason", "oops")
                .andExpect(flash().attribute("problem", "admin.enthusiasts.decidedAlready"));

        assertThat(enthusiastStatus(approved)).isEqualTo("APPROVED");
        assertThat(enthusiastStatus(declined)).isEqualTo("NONE");
        assertThat(page(get("/enthusiasts/apply").with(approved.login()))
                        .select("#application-status")
                        .text())
                .contains("approved: Great photos");
        assertThat(page(get("/enthusiasts/apply").with(declined.login()))
                        .select("#application-status")
                        .text())
                .contains("declined: Too few posts");
        assertThat(page(get("/@" + approved.handle())).select(".badge-enthusiast"))
                .isNotEmpty();
        assertThat(audit(approved)).containsExactly("ENTHUSIAST_APPROVED:Great photos");
        assertThat(audit(declined)).containsExactly("ENTHUSIAST_DECLINED:Too few posts");
    }

    @Test
    void aSuspensionKeepsOrHidesThePostsAndReinstatingPutsThemBack() throws Exception {
        var admin = fixtures.admin();
        var keeps = fixtures.enthusiast();
        var hides = fixtures.enthusiast();
        long kept = fixtures.post(keeps, "still here");
        long hidden = fixtures.post(hides, "going away");

        admin(admin, "/admin/enthusiasts/" + keeps.id() + "/suspend", "reason", "Undisclosed deal")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.suspended"));
        admin(admin, "/admin/enthusiasts/" + hides.id() + "/suspend", "reason", "Counterfeits", "hidePosts", "true")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.suspended"));
        assertThat(enthusiastStatus(keeps)).isEqualTo("SUSPENDED");
        assertThat(page(get("/@" + keeps.handle())).select(".badge-enthusiast")).isEmpty();
        mvc.perform(get("/posts/" + kept)).andExpect(status().isOk());
        mvc.perform(get("/posts/" + hidden)).andExpect(status().isGone());

        admin(admin, "/admin/enthusiasts/" + hides.id() + "/reinstate", "reason", "Cleared")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.reinstated"));
        mvc.perform(get("/posts/" + hidden)).andExpect(status().isOk());
        assertThat(enthusiastStatus(hides)).isEqualTo("APPROVED");

        admin(admin, "/admin/enthusiasts/" + keeps.id() + "/revoke", "reason", "Repeated")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.revoked"));
        assertThat(enthusiastStatus(keeps)).isEqualTo("REVOKED");
        admin(admin, "/admin/enthusiasts/" + keeps.id() + "/reinstate", "reason", "no")
                .andExpect(flash().attribute("problem", "admin.enthusiasts.notSuspended"));
        assertThat(audit(keeps))
                .containsExactly("ENTHUSIAST_SUSPENDED:Undisclosed deal", "ENTHUSIAST_REVOKED:Repeated");
        assertThat(audit(hides)).containsExactly("ENTHUSIAST_SUSPENDED:Counterfeits", "ENTHUSIAST_REINSTATED:Cleared");
    }

    private List<String> audit(TestAccount who) {
        return jdbc.sql("select action || ':' || reason from audit_entries where target_type = 'ACCOUNT' "
                        + "and target_id = ? order by id")
                .param(who.id())
                .query(String.class)
                .list();
    }

    @Test
    void theApplicantIsNotifiedOfTheDecisionWithItsReason() throws Exception {
        var admin = fixtures.admin();
        var approved = fixtures.primeMember();
        var declined = fixtures.primeMember();
        apply(approved);
        apply(declined);
        admin(admin, "/admin/enthusiasts/applications/" + application(approved) + "/approve", "reason", "Lovely work");
        admin(admin, "/admin/enthusiasts/applications/" + application(declined) + "/decline", "reason", "Too new");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications(approved, "ENTHUSIAST_APPROVED") == 1
                        && notifications(declined, "ENTHUSIAST_DECLINED") == 1);

        var approvedItem = page(get("/notifications").with(approved.login()))
                .select(".notification-list li")
                .first();
        assertThat(approvedItem.text()).contains("was approved").contains("Reason: Lovely work");
        assertThat(approvedItem.select("a[href='/enthusiasts/apply']")).hasSize(1);
        assertThat(page(get("/notifications").with(declined.login()))
                        .select(".notification-list li")
                        .first()
                        .text())
                .contains("was declined")
                .contains("Reason: Too new");
        assertThat(notifications(approved, "ENTHUSIAST_DECLINED") + notifications(declined, "ENTHUSIAST_APPROVED"))
                .isZero();
    }

    @Test
    void reinstatingLeavesHiddenAPostAnAdminRestoredAndHidAgainForAnotherReason() throws Exception {
        var admin = fixtures.admin();
        var enthusiast = fixtures.enthusiast();
        long rehidden = fixtures.post(enthusiast, "hidden twice");
        long other = fixtures.post(enthusiast, "hidden by the suspension only");
        admin(
                admin,
                "/admin/enthusiasts/" + enthusiast.id() + "/suspend",
                "reason",
                "Counterfeits",
                "hidePosts",
                "true");
        admin(admin, "/admin/moderation/posts/" + rehidden + "/restore", "reason", "Not counterfeit after all")
                .andExpect(flash().attribute("notice", "admin.moderation.postRestored"));
        admin(admin, "/admin/moderation/posts/" + rehidden + "/hide", "reason", "Nudity")
                .andExpect(flash().attribute("notice", "admin.moderation.postHidden"));

        admin(admin, "/admin/enthusiasts/" + enthusiast.id() + "/reinstate", "reason", "Cleared")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.reinstated"));

        mvc.perform(get("/posts/" + other)).andExpect(status().isOk());
        mvc.perform(get("/posts/" + rehidden)).andExpect(status().isGone());
        assertThat(jdbc.sql("select hidden_reason from posts where id = ?")
                        .param(rehidden)
                        .query(String.class)
                        .single())
                .isEqualTo("Nudity");
    }

    @Test
    void aRevokedEnthusiastCannotApplyAgain() throws Exception {
        var admin = fixtures.admin();
        var revoked = fixtures.enthusiast();
        admin(admin, "/admin/enthusiasts/" + revoked.id() + "/revoke", "reason", "Repeated fakes")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.revoked"));
        Document d = page(get("/enthusiasts/apply").with(revoked.login()));
        assertThat(d.select("#application-revoked").text()).contains("revoked for good");
        assertThat(d.select("form[action='/enthusiasts/apply']")).isEmpty();
        apply(revoked)
                .andExpect(status().is(422))
                .andExpect(content().string(Matchers.containsString("revoked for good")));
        assertThat(count("select count(*) from enthusiast_applications where account_id = ?", revoked.id()))
                .isZero();
        assertThat(enthusiastStatus(revoked)).isEqualTo("REVOKED");
    }

    private long notifications(TestAccount who, String kind) {
        return count("select count(*) from notifications where recipient_id = ? and kind = ?", who.id(), kind);
    }
}
