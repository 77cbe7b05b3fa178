package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Live sessions follow the account as PostgreSQL has it: "log out everywhere" ends them all, role changes apply at
 * their next request, and no session keeps a password hash. Every session here is a real one from the login form.
 */
class SessionTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    Accounts accounts;

    @Test
    void logOutEverywhereEndsEverySessionAndRememberMeCookieOfTheAccount() throws Exception {
        var account = fixtures.primeMember();
        var other = fixtures.primeMember();
        MvcResult phone = login(account, true);
        SessionCookie phoneSession = session(phone);
        Cookie phoneCookie = phone.getResponse().getCookie("remember-me");
        SessionCookie laptop = session(login(account, false));
        SessionCookie otherPerson = session(login(other, false));
        mvc.perform(get("/").with(laptop)).andExpect(content().string(Matchers.containsString("Log out everywhere")));

        mvc.perform(post("/me/logout-everywhere")
                        .with(phoneSession)
                        .cookie(phoneCookie)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?ended"))
                .andExpect(cookie().maxAge("remember-me", 0))
                .andExpect(unauthenticated());
        assertThat(stored(phoneSession)).isNull();

        // the laptop's session ends at its next request, whatever it is
        mvc.perform(get("/notifications").with(laptop))
                .andExpect(redirectedUrl("/login?ended"))
                .andExpect(unauthenticated());
        assertThat(stored(laptop)).isNull();
        mvc.perform(get("/login?ended"))
                .andExpect(content().string(Matchers.containsString("You were logged out on every device")));
        // a copy of the remember-me cookie signs nobody in any more
        mvc.perform(get("/notifications").cookie(phoneCookie))
                .andExpect(redirectedUrl("/login"))
                .andExpect(unauthenticated());
        // another account's session is untouched, and logging in again works
        mvc.perform(get("/notifications").with(otherPerson)).andExpect(status().isOk());
        SessionCookie fresh = session(login(account, false));
        mvc.perform(get("/notifications").with(fresh))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("@" + account.handle())));
    }

    @Test
    void anHtmxRequestOfAnEndedSessionIsSentToTheLoginPage() throws Exception {
        var account = fixtures.primeMember();
        SessionCookie session = session(login(account, false));
        accounts.logOutEverywhere(account.id());
        mvc.perform(get("/notifications").header("HX-Request", "true").with(session))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?ended"));
    }

    @Test
    void aRevokedAdminRoleAppliesToTheLiveSessionAtItsNextRequest() throws Exception {
        var admin = fixtures.admin();
        SessionCookie session = session(login(admin, false));
        mvc.perform(get("/admin").with(session)).andExpect(status().isOk());

        jdbc.sql("update accounts set admin = false where id = ?")
                .param(admin.id())
                .update();

        mvc.perform(get("/admin").with(session)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/members").with(session)).andExpect(status().isForbidden());
        // still signed in, as the person they are now
        mvc.perform(get("/notifications").with(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("@" + admin.handle())));
        assertThat(saved(session).getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_MEMBER")
                .doesNotContain("ROLE_ADMIN");
    }

    @Test
    void aGrantedAdminRoleAppliesToTheLiveSessionAtItsNextRequest() throws Exception {
        var person = fixtures.person();
        SessionCookie session = session(login(person, false));
        mvc.perform(get("/admin").with(session)).andExpect(status().isForbidden());

        accounts.makeAdmin(person.id());

        mvc.perform(get("/admin").with(session)).andExpect(status().isOk());
        // the refreshed roles were saved in the session: the next request starts from them
        SecurityContext saved = saved(session);
        assertThat(((AccountPrincipal) saved.getAuthentication().getPrincipal()).admin())
                .isTrue();
        assertThat(saved.getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_MEMBER", "ROLE_ADMIN");
    }

    @Test
    void primeEndedByAnAdminAppliesToTheLiveSessionAtItsNextRequest() throws Exception {
        var admin = fixtures.admin();
        var member = fixtures.primeMember();
        long post = fixtures.post(fixtures.primeMember(), "smile while you can");
        SessionCookie session = session(login(member, false));
        mvc.perform(post("/posts/" + post + "/smile").with(session).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post));

        mvc.perform(post("/admin/members/" + member.id() + "/end")
                        .param("reason", "Chargeback")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/posts/" + post + "/unsmile").with(session).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void noSessionKeepsThePasswordHash() throws Exception {
        var account = fixtures.person();
        MvcResult form = login(account, true);
        assertNoPasswordIn(session(form));

        // the remember-me cookie alone opens a new session
        MvcResult remembered = mvc.perform(
                        get("/notifications").cookie(form.getResponse().getCookie("remember-me")))
                .andExpect(authenticated().withUsername(account.email()))
                .andReturn();
        assertNoPasswordIn(session(remembered));

        String handle = fixtures.uniqueHandle();
        MvcResult signup = mvc.perform(post("/signup")
                        .param("email", handle + "@example.test")
                        .param("displayName", "New " + handle)
                        .param("handle", handle)
                        .param("password", Fixtures.PASSWORD)
                        .param("kind", "PERSON")
                        .with(from(newAddress()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertNoPasswordIn(session(signup));
        assertThat(saved(session(signup)).getAuthentication().getName()).isEqualTo(handle + "@example.test");
    }

    /** The security context the session keeps in PostgreSQL. */
    private SecurityContext saved(SessionCookie session) {
        return stored(session).getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    private void assertNoPasswordIn(SessionCookie session) {
        SecurityContext context = saved(session);
        assertThat(context).isNotNull();
        var principal = (AccountPrincipal) context.getAuthentication().getPrincipal();
        assertThat(principal.getPassword()).isNull();
        // a remember-me authentication's credentials are always the empty string
        assertThat(context.getAuthentication().getCredentials()).isIn(null, "");
        // and the row itself is JSON without the hash
        String hash = jdbc.sql("select password_hash from accounts where id = ?")
                .param(principal.id())
                .query(String.class)
                .single();
        assertThat(jdbc.sql("select convert_from(a.attribute_bytes, 'UTF8') from spring_session_attributes a "
                                + "join spring_session s on s.primary_id = a.session_primary_id where s.session_id = ?")
                        .param(session.id())
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allSatisfy(json -> assertThat(json).startsWith("{").doesNotContain(hash));
    }

    private MvcResult login(TestAccount account, boolean rememberMe) throws Exception {
        var request = post("/login")
                .param("login", account.email())
                .param("password", Fixtures.PASSWORD)
                .with(from(newAddress()))
                .with(csrf());
        if (rememberMe) {
            request.param("remember-me", "on");
        }
        return mvc.perform(request).andExpect(redirectedUrl("/")).andReturn();
    }

    private static SessionCookie session(MvcResult result) {
        return SessionCookie.of(result);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        return "203.0.113." + ADDRESS.incrementAndGet();
    }
}
