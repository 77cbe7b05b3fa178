package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ModerationEnthusiastTests extends IntegrationTest {

    private static final String PITCH = "I photograph every pair of boots I resole, with the kit I used.";

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private ResultActions apply(TestAccount who) throws Exception {
        return mvc.perform(post("/enthusiasts/apply").param("pitch", PITCH).param("interests", "boots, leather")
                .param("links", "https://example.com/me").with(who.login()).with(csrf()));
    }

    private long application(TestAccount who) {
        return jdbc.sql("select id from enthusiast_applications where account_id = ? order by id desc limit 1")
                .param(who.id()).query(Long.class).single();
    }

    private String enthusiastStatus(TestAccount who) {
        return jdbc.sql("select enthusiast from accounts where id = ?").param(who.id()).query(String.class).single();
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
        List<MockHttpServletRequestBuilder> routes = List.of(get("/admin/enthusiasts"),
                post("/admin/enthusiasts/applications/1/approve").param("reason", "r").with(csrf()),
                post("/admin/enthusiasts/applications/1/decline").param("reason", "r").with(csrf()),
                post("/admin/enthusiasts/" + target.id() + "/suspend").param("reason", "r").with(csrf()),
                post("/admin/enthusiasts/" + target.id() + "/reinstate").param("reason", "r").with(csrf()),
                post("/admin/enthusiasts/" + target.id() + "/revoke").param("reason", "r").with(csrf()));
        for (var route : routes) {
            mvc.perform(route).andExpect(redirectedUrl("/login"));
        }
        for (TestAccount who : List.of(fixtures.person(), fixtures.primeMember(), fixtures.enthusiast())) {
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
        assertThat(page(get("/enthusiasts/apply").with(member.login())).select("#application-status").text())
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
        assertThat(page(get("/admin/enthusiasts").with(admin.login())).select("#application-" + application(approved))
                .text()).contains(PITCH);

        admin(admin, "/admin/enthusiasts/applications/" + application(approved) + "/approve", "reason", "Great photos")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.approved"));
        admin(admin, "/admin/enthusiasts/applications/" + application(declined) + "/decline", "reason", "Too few posts")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.declined"));
        admin(admin, "/admin/enthusiasts/applications/" + application(declined) + "/approve", "reason", "oops")
                .andExpect(flash().attribute("problem", "admin.enthusiasts.decidedAlready"));

        assertThat(enthusiastStatus(approved)).isEqualTo("APPROVED");
        assertThat(enthusiastStatus(declined)).isEqualTo("NONE");
        assertThat(page(get("/enthusiasts/apply").with(approved.login())).select("#application-status").text())
                .contains("approved: Great photos");
        assertThat(page(get("/enthusiasts/apply").with(declined.login())).select("#application-status").text())
                .contains("declined: Too few posts");
        assertThat(page(get("/@" + approved.handle())).select(".badge-enthusiast")).isNotEmpty();
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
        mvc.perform(get("/posts/" + hidden)).andExpect(status().isNotFound());

        admin(admin, "/admin/enthusiasts/" + hides.id() + "/reinstate", "reason", "Cleared")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.reinstated"));
        mvc.perform(get("/posts/" + hidden)).andExpect(status().isOk());
        assertThat(enthusiastStatus(hides)).isEqualTo("APPROVED");

        admin(admin, "/admin/enthusiasts/" + keeps.id() + "/revoke", "reason", "Repeated")
                .andExpect(flash().attribute("notice", "admin.enthusiasts.revoked"));
        assertThat(enthusiastStatus(keeps)).isEqualTo("REVOKED");
        admin(admin, "/admin/enthusiasts/" + keeps.id() + "/reinstate", "reason", "no")
                .andExpect(flash().attribute("problem", "admin.enthusiasts.notSuspended"));
        assertThat(audit(keeps)).containsExactly("ENTHUSIAST_SUSPENDED:Undisclosed deal", "ENTHUSIAST_REVOKED:Repeated");
        assertThat(audit(hides)).containsExactly("ENTHUSIAST_SUSPENDED:Counterfeits", "ENTHUSIAST_REINSTATED:Cleared");
    }

    private List<String> audit(TestAccount who) {
        return jdbc.sql("select action || ':' || reason from audit_entries where target_type = 'ACCOUNT' "
                + "and target_id = ? order by id").param(who.id()).query(String.class).list();
    }
}
