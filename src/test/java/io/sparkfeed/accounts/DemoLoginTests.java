package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The demo logins printed in the README answer only on the machine that runs Sparkfeed. */
class DemoLoginTests extends IntegrationTest {

    private static MockHttpServletRequestBuilder login(String login, String password, String from) {
        return post("/login")
                .param("login", login)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(from);
                    return request;
                });
    }

    @Test
    void aNewcomerLogsInWithTheReadmeLoginsOnTheirOwnMachine() throws Exception {
        mvc.perform(login("admin@sparkfeed.demo", DemoLogins.PASSWORD, "127.0.0.1"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("admin@sparkfeed.demo"));
        mvc.perform(login("@maya", DemoLogins.PASSWORD, "0:0:0:0:0:0:0:1"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated());
    }

    @Test
    void thePublishedPasswordOpensNothingFromAnotherMachine() throws Exception {
        mvc.perform(login("admin@sparkfeed.demo", DemoLogins.PASSWORD, "203.0.113.7"))
                .andExpect(redirectedUrl("/login?demoLocalOnly"))
                .andExpect(unauthenticated());
        mvc.perform(login("@priya", DemoLogins.PASSWORD, "2001:db8::7"))
                .andExpect(redirectedUrl("/login?demoLocalOnly"))
                .andExpect(unauthenticated());
        // an account that does not exist answers the same: the refusal reveals nothing
        mvc.perform(login("nobody@example.test", DemoLogins.PASSWORD, "203.0.113.7"))
                .andExpect(redirectedUrl("/login?demoLocalOnly"));
        String page = mvc.perform(get("/login?demoLocalOnly"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("The published demo password works only on the machine that runs Sparkfeed.");
    }

    @Test
    void aProxyOnTheSameMachineDoesNotMakeARemoteVisitorLocal() throws Exception {
        mvc.perform(login("admin@sparkfeed.demo", DemoLogins.PASSWORD, "127.0.0.1")
                        .header("X-Forwarded-For", "203.0.113.7"))
                .andExpect(redirectedUrl("/login?demoLocalOnly"))
                .andExpect(unauthenticated());
        mvc.perform(login("admin@sparkfeed.demo", DemoLogins.PASSWORD, "127.0.0.1")
                        .header("Forwarded", "for=203.0.113.7"))
                .andExpect(redirectedUrl("/login?demoLocalOnly"))
                .andExpect(unauthenticated());
    }

    @Test
    void ownPasswordsWorkFromAnywhere() throws Exception {
        var account = fixtures.person();
        mvc.perform(login(account.email(), Fixtures.PASSWORD, "203.0.113.8"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(account.email()));
    }
}
