package io.sparkfeed.support;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.media.Images;
import io.sparkfeed.moderation.CatalogAdmin;
import io.sparkfeed.platform.RateLimits;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.shop.Orders;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Base of every test that needs the application: one Spring context for the whole run (same configuration
 * everywhere, so the context cache shares it), a real server on a random port for browser tests, MockMvc for
 * route tests, and the one test PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.get().url());
        registry.add("spring.datasource.username", () -> TestDatabase.get().username());
        registry.add("spring.datasource.password", () -> TestDatabase.get().password());
        registry.add("spring.flyway.user", () -> TestDatabase.get().ownerUsername());
        registry.add("spring.flyway.password", () -> TestDatabase.get().ownerPassword());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MailServer::port);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return StatementCounter.wrapper();
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        CardGatewayForTests cardGateway() {
            return new CardGatewayForTests();
        }

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        @Bean
        Fixtures fixtures(
                Accounts accounts,
                UserDetailsService users,
                JdbcClient jdbc,
                Posts posts,
                CatalogAdmin catalogAdmin,
                Images images,
                Orders orders,
                Catalog catalog) {
            return new Fixtures(accounts, users, jdbc, posts, catalogAdmin, images, orders, catalog);
        }
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Fixtures fixtures;

    @LocalServerPort
    protected int port;

    @Autowired
    protected RateLimits rateLimits;

    @Autowired
    protected FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    protected CardGatewayForTests cardGateway;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The card processor approves at once and answers every cancellation again, whatever a test switched. */
    @AfterEach
    void resetCardGateway() {
        cardGateway.reset();
    }

    /** Every test starts with full buckets: the limits of one test never refuse another's requests. */
    @AfterEach
    void forgetLimits() {
        rateLimits.forgetAll();
    }

    /** A page as a person sees it: the request must answer 200 OK; its HTML, parsed. */
    protected Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The session as PostgreSQL holds it, or null once it ended (logged out, invalidated, expired). */
    protected Session stored(SessionCookie session) {
        return sessions.findById(session.id());
    }

    /** How many SQL statements a page costs: the request must answer 200 OK. */
    protected int statements(MockHttpServletRequestBuilder request) throws Exception {
        StatementCounter.reset();
        mvc.perform(request).andExpect(status().isOk());
        return StatementCounter.count();
    }

    /** The number a {@code select count(*)} query answers, with its positional parameters. */
    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
