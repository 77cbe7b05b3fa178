package io.sparkfeed.shop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;

/** The admin's order controller refuses anyone but an admin by itself, not only through the /admin/** URL rule. */
class AdminOrderControllerTests extends IntegrationTest {

    @Autowired
    AdminOrderController controller;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void signIn(TestAccount account) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        account.principal(), null, account.principal().getAuthorities()));
    }

    @Test
    void onlyAnAdminGetsPastTheControllerItself() {
        signIn(fixtures.primeMember());
        assertThatThrownBy(() -> controller.list(new ExtendedModelMap())).isInstanceOf(AccessDeniedException.class);
        signIn(fixtures.admin());
        assertThat(controller.list(new ExtendedModelMap())).isEqualTo("admin/orders");
    }
}
