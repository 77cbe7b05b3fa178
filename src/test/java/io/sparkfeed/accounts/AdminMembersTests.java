package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class AdminMembersTests extends IntegrationTest {

    @Autowired
    Memberships memberships;

    private List<MockHttpServletRequestBuilder> adminRoutes(long target) {
        return List.of(
                get("/admin"),
                get("/admin/members"),
                post("/admin/members/" + target + "/grant")
                        .param("days", "30")
                        .param("reason", "r")
                        .with(csrf()),
                post("/admin/members/" + target + "/end").param("reason", "r").with(csrf()));
    }

    @Test
    void visitorsAreSentToLogin() throws Exception {
        var target = fixtures.person();
        for (var route : adminRoutes(target.id())) {
            mvc.perform(route).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        assertThat(memberships.isPrime(target.id())).isFalse();
    }

    @Test
    void everyoneButAdminsIsRefused() throws Exception {
        var target = fixtures.person();
        for (TestAccount who : List.of(
                fixtures.person(),
                fixtures.primeMember(),
                fixtures.trialMember(),
                fixtures.enthusiast(),
                fixtures.brand())) {
            for (var route : adminRoutes(target.id())) {
                mvc.perform(route.with(who.login())).andExpect(status().isForbidden());
            }
        }
        assertThat(memberships.isPrime(target.id())).isFalse();
    }

    @Test
    void anAdminGrantsAndEndsPrimeAndBothAreAudited() throws Exception {
        var admin = fixtures.admin();
        var target = fixtures.person();
        mvc.perform(get("/admin/members").param("q", target.handle()).with(admin.login()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("@" + target.handle())))
                .andExpect(content()
                        .string(Matchers.containsString("<label class=\"visually-hidden\" for=\"grant-reason-"
                                + target.id() + "\">Reason</label>")))
                .andExpect(content()
                        .string(Matchers.containsString("<input id=\"grant-reason-" + target.id()
                                + "\" type=\"text\" name=\"reason\" required")));

        mvc.perform(post("/admin/members/" + target.id() + "/grant")
                        .param("days", "60")
                        .param("reason", "Community prize")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.members.granted"));
        assertThat(memberships.isPrime(target.id())).isTrue();

        mvc.perform(post("/admin/members/" + target.id() + "/end")
                        .param("reason", "Refunded")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.members.ended"));
        assertThat(memberships.isPrime(target.id())).isFalse();

        var actions = jdbc.sql("select action || ':' || reason || ':' || actor_id from audit_entries "
                        + "where target_type = 'ACCOUNT' and target_id = ? order by id")
                .param(target.id())
                .query(String.class)
                .list();
        assertThat(actions)
                .containsExactly(
                        "MEMBERSHIP_GRANTED:Community prize:" + admin.id(), "MEMBERSHIP_ENDED:Refunded:" + admin.id());
    }

    @Test
    void anAdminTurnsAnAccountIntoABrandWhichCanNoLongerPost() throws Exception {
        var admin = fixtures.admin();
        var target = fixtures.primeMember();
        mvc.perform(post("/admin/members/" + target.id() + "/kind")
                        .param("kind", "BRAND")
                        .param("reason", "Is a shop")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.members.kindChanged"));
        mvc.perform(post("/admin/members/" + target.id() + "/kind")
                        .param("kind", "PERSON")
                        .param("reason", "x")
                        .with(target.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select kind from accounts where id = ?")
                        .param(target.id())
                        .query(String.class)
                        .single())
                .isEqualTo("BRAND");
        mvc.perform(get("/posts/new").with(target.login()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Brand accounts do not post")));
        assertThat(jdbc.sql(
                                "select action || ':' || reason || ':' || details from audit_entries where target_type = 'ACCOUNT' "
                                        + "and target_id = ?")
                        .param(target.id())
                        .query(String.class)
                        .list())
                .containsExactly("ACCOUNT_KIND_CHANGED:Is a shop:BRAND");
    }

    @Test
    void anActionWithoutAReasonChangesNothing() throws Exception {
        var admin = fixtures.admin();
        var target = fixtures.person();
        mvc.perform(post("/admin/members/" + target.id() + "/grant")
                        .param("days", "60")
                        .param("reason", " ")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.reason.required"));
        assertThat(memberships.isPrime(target.id())).isFalse();
        assertThat(count(
                        "select count(*) from audit_entries where target_id = ? and target_type = 'ACCOUNT'",
                        target.id()))
                .isZero();
    }

    @Test
    void auditRowsCannotBeChangedOrDeleted() throws Exception {
        var admin = fixtures.admin();
        var target = fixtures.person();
        mvc.perform(post("/admin/members/" + target.id() + "/grant")
                .param("days", "1")
                .param("reason", "test")
                .with(admin.login())
                .with(csrf()));
        Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_entries set reason = 'edited' where target_id = ?")
                        .param(target.id())
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_entries where target_id = ?")
                        .param(target.id())
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void aBrandsSignUpShowsAsAPersonUntilAnAdminVerifiesIt() throws Exception {
        var admin = fixtures.admin();
        String handle = fixtures.uniqueHandle();
        mvc.perform(post("/signup")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("192.0.2.200");
                            return request;
                        })
                        .param("email", handle + "@brand.example")
                        .param("displayName", "Acme Lamps")
                        .param("handle", handle)
                        .param("password", "a long enough passphrase")
                        .param("kind", "BRAND"))
                .andExpect(flash().attribute("notice", "signup.brandPending"));
        long id = jdbc.sql("select id from accounts where handle = ?")
                .param(handle)
                .query(Long.class)
                .single();
        assertThat(kindAndRequest(id)).isEqualTo("PERSON:true");
        assertThat(page(get("/@" + handle)).select(".badge-brand")).isEmpty();

        var requests = page(get("/admin/members").param("brandRequests", "true").with(admin.login()));
        assertThat(requests.select("#member-" + id).text()).contains("Brand requested");
        assertThat(requests.select("#member-" + id + " button").eachText()).contains("Verify brand", "Decline brand");

        mvc.perform(post("/admin/members/" + id + "/kind")
                        .param("kind", "BRAND")
                        .param("reason", "Checked their site")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.members.kindChanged"));
        assertThat(kindAndRequest(id)).isEqualTo("BRAND:false");
        assertThat(page(get("/@" + handle)).select(".badge-brand").text()).isEqualTo("Brand");
        assertThat(page(get("/admin/members").param("brandRequests", "true").with(admin.login()))
                        .select("#member-" + id))
                .isEmpty();
        assertThat(jdbc.sql("select action || ':' || details from audit_entries where target_id = ? "
                                + "and target_type = 'ACCOUNT'")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("ACCOUNT_KIND_CHANGED:BRAND");
    }

    @Test
    void aDeclinedBrandRequestLeavesAPerson() throws Exception {
        var admin = fixtures.admin();
        var pending = fixtures.person();
        jdbc.sql("update accounts set brand_requested_at = now() where id = ?")
                .param(pending.id())
                .update();
        mvc.perform(post("/admin/members/" + pending.id() + "/kind")
                        .param("kind", "PERSON")
                        .param("reason", "Not the brand")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.members.kindChanged"));
        assertThat(kindAndRequest(pending.id())).isEqualTo("PERSON:false");
    }

    private String kindAndRequest(long id) {
        return jdbc.sql("select kind || ':' || (brand_requested_at is not null) from accounts where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
