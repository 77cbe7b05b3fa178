package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The admin routes of the shop and the members page, refused to everyone but admins, changing nothing. */
class AdminRoutesRefusalTests extends IntegrationTest {

    @Autowired
    Orders orders;

    private List<TestAccount> nonAdmins() {
        return List.of(
                fixtures.person(),
                fixtures.trialMember(),
                fixtures.primeMember(),
                fixtures.enthusiast(),
                fixtures.brand());
    }

    private void refusedToAllButAdmins(List<MockHttpServletRequestBuilder> routes) throws Exception {
        for (var route : routes) {
            mvc.perform(route).andExpect(redirectedUrl("/login"));
        }
        for (TestAccount who : nonAdmins()) {
            for (var route : routes) {
                mvc.perform(route.with(who.login())).andExpect(status().isForbidden());
            }
        }
    }

    private long auditRows(String type, long id) {
        return count("select count(*) from audit_entries where target_type = ? and target_id = ?", type, id);
    }

    @Test
    void theOrdersPageAndItsActionsAreForAdminsOnly() throws Exception {
        var buyer = fixtures.primeMember();
        long order = fixtures.order(buyer.id(), fixtures.product(1), 1, null);

        refusedToAllButAdmins(List.of(
                get("/admin/orders"),
                post("/admin/orders/" + order + "/shipped").with(csrf()),
                post("/admin/orders/" + order + "/delivered").with(csrf())));

        assertThat(jdbc.sql("select status from orders where id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("PLACED");
        assertThat(auditRows("ORDER", order)).isZero();
        mvc.perform(get("/admin/orders").with(fixtures.admin().login())).andExpect(status().isOk());
    }

    @Test
    void changingAnAccountsKindIsForAdminsOnly() throws Exception {
        var target = fixtures.person();

        refusedToAllButAdmins(List.of(post("/admin/members/" + target.id() + "/kind")
                .param("kind", "BRAND")
                .param("reason", "r")
                .with(csrf())));

        assertThat(jdbc.sql("select kind from accounts where id = ?")
                        .param(target.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PERSON");
        assertThat(auditRows("ACCOUNT", target.id())).isZero();
    }
}
