package io.sparkfeed.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A session as a browser holds it: the {@value #NAME} cookie a response set. Sessions live in PostgreSQL (Spring
 * Session), not in MockMvc's {@code MockHttpSession}, so a test carries the cookie to its next request
 * ({@code .with(session)}) and looks the session up by {@link #id()}.
 */
public record SessionCookie(Cookie cookie) implements RequestPostProcessor {

    public static final String NAME = "SESSION";

    /** The session the response opened (or moved to a new id, as a login does). */
    public static SessionCookie of(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(NAME);
        assertThat(cookie).as("the response sets the session cookie").isNotNull();
        assertThat(cookie.getMaxAge()).as("the response keeps the session").isNotZero();
        return new SessionCookie(cookie);
    }

    /** The session id the cookie carries (Spring Session writes it in Base64). */
    public String id() {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        Cookie[] others = request.getCookies() == null ? new Cookie[0] : request.getCookies();
        request.setCookies(Stream.concat(
                        Stream.of(others).filter(c -> !c.getName().equals(NAME)), Stream.of(cookie))
                .toArray(Cookie[]::new));
        return request;
    }
}
