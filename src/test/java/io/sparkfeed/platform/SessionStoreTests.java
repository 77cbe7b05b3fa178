package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.SessionCookie;
import io.sparkfeed.support.StatementCounter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sessions in PostgreSQL: what a page view costs the sessions table, and the cleanup of expired sessions.
 */
class SessionStoreTests extends IntegrationTest {

    @Autowired
    SessionStore repository;

    @Test
    void aSignedInPageViewReadsItsSessionOnceAndWritesNothingWhenNothingChanged() throws Exception {
        var member = fixtures.primeMember();
        long post = fixtures.post(fixtures.primeMember(), "a page to look at");
        SessionCookie session = login(member);

        // MockMvc's csrf() (used by the login above) moves CSRF tokens into the session for the rest of the run,
        // where the application keeps them in a cookie: the first page stores that token once
        mvc.perform(get("/").with(session)).andExpect(status().isOk());
        for (String page : List.of("/", "/posts/" + post, "/notifications", "/@" + member.handle(), "/search?q=lamp")) {
            List<String> statements = sessionStatements(get(page).with(session));
            assertThat(statements.stream().filter(SessionStoreTests::reads))
                    .as(page + ": one read, though the page is flushed (and the session saved) before the end")
                    .hasSize(1);
            assertThat(statements.stream().filter(sql -> !reads(sql)))
                    .as(page + ": no write, the last access time being less than a minute old")
                    .isEmpty();
        }
        // the session is still the member's
        assertThat(stored(session).<Object>getAttribute("SPRING_SECURITY_CONTEXT"))
                .isNotNull();
    }

    @Test
    void aSignedInPageViewMovesAnOldLastAccessTimeInOneWrite() throws Exception {
        SessionCookie session = login(fixtures.primeMember());
        mvc.perform(get("/").with(session)).andExpect(status().isOk());
        long twoMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
        jdbc.sql("update spring_session set last_access_time = ? where session_id = ?")
                .param(twoMinutesAgo)
                .param(session.id())
                .update();

        List<String> statements = sessionStatements(get("/notifications").with(session));

        assertThat(statements.stream().filter(sql -> !reads(sql)))
                .as("the last access time, in one statement")
                .hasSize(1)
                .allSatisfy(sql -> assertThat(sql.toLowerCase(Locale.ROOT)).matches("(?s)update spring_session\\s.*"));
        assertThat(stored(session).getLastAccessedTime().toEpochMilli()).isGreaterThan(twoMinutesAgo + 60_000);
        assertThat(sessionStatements(get("/notifications").with(session)).stream()
                        .filter(sql -> !reads(sql)))
                .as("and not again a moment later")
                .isEmpty();
    }

    @Test
    void aVisitorPageViewTouchesNoSession() throws Exception {
        // over real HTTP, VisitorPagesTests checks that no visitor page sets a session cookie
        assertThat(sessionStatements(get("/"))).isEmpty();
    }

    @Test
    void expiredSessionsAreRemovedAndLiveOnesKept() throws Exception {
        SessionCookie live = login(fixtures.person());
        SessionCookie old = login(fixtures.person());
        jdbc.sql("update spring_session set expiry_time = ? where session_id = ?")
                .param(System.currentTimeMillis() - Duration.ofMinutes(1).toMillis())
                .param(old.id())
                .update();

        repository.cleanUpExpiredSessions();

        assertThat(rows(old)).isZero();
        assertThat(orphanAttributes()).as("attributes go with their session").isZero();
        assertThat(rows(live)).isOne();
        mvc.perform(get("/notifications").with(old)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/notifications").with(live)).andExpect(status().isOk());
    }

    private SessionCookie login(Fixtures.TestAccount account) throws Exception {
        return SessionCookie.of(mvc.perform(post("/login")
                        .param("login", account.email())
                        .param("password", Fixtures.PASSWORD)
                        .with(request -> {
                            request.setRemoteAddr("198.51.100." + (account.id() % 200 + 1));
                            return request;
                        })
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn());
    }

    /** The statements of one request that touch the sessions tables. */
    private List<String> sessionStatements(MockHttpServletRequestBuilder request) throws Exception {
        StatementCounter.reset();
        mvc.perform(request).andExpect(status().isOk());
        return StatementCounter.statements().stream()
                .filter(sql -> sql.toLowerCase(Locale.ROOT).contains("spring_session"))
                .toList();
    }

    private static boolean reads(String sql) {
        return sql.strip().toLowerCase(Locale.ROOT).startsWith("select");
    }

    private long rows(SessionCookie session) {
        return jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(session.id())
                .query(Long.class)
                .single();
    }

    private long orphanAttributes() {
        return jdbc.sql("select count(*) from spring_session_attributes a where not exists "
                        + "(select 1 from spring_session s where s.primary_id = a.session_primary_id)")
                .query(Long.class)
                .single();
    }
}
