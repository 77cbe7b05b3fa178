package io.sparkfeed.platform;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxLocationRedirectAuthenticationEntryPoint;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which route. Pages that show content are public (read-only for visitors); everything that
 * changes something needs a signed-in account, and the services check the finer rules (Prime, posting policy,
 * ownership). CSRF is on for every form, the session id changes at login, and the CSP forbids inline script.
 * Remember-me comes from the accounts module (a cookie that logging out revokes).
 * <p>
 * A visitor never gets an HTTP session: the CSRF token lives in an HttpOnly cookie (set only by a page with a form
 * that posts), and the page to come back to after login in a cookie too. A URL no controller answers gets the 404
 * page, not the login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String EMBED_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), usb=()";

    private static final RequestMatcher HTMX = request -> request.getHeader("HX-Request") != null;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            RememberMeServices rememberMe,
            ApplicationContext context,
            ObjectProvider<AfterLogin> afterLogin)
            throws Exception {
        var requestCache = new CookieRequestCache();
        // a fragment fetched by htmx is no page to come back to after login
        requestCache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                && !HTMX.matches(request)
                && !request.getRequestURI().startsWith("/media/"));

        // Spring's default after a form login (back to the page asked for, or home), once each module had its say
        var backToPage = new SavedRequestAwareAuthenticationSuccessHandler();
        backToPage.setRequestCache(requestCache);
        AuthenticationSuccessHandler successes = (request, response, authentication) -> {
            afterLogin.orderedStream().forEach(module -> module.loggedIn(authentication, request, response));
            backToPage.onAuthenticationSuccess(request, response, authentication);
        };

        var redirects = new DefaultRedirectStrategy();
        AuthenticationFailureHandler failures = (request, response, exception) -> redirects.sendRedirect(
                request,
                response,
                exception instanceof RetryAfter wait
                        ? "/login?throttled&wait=" + wait.retryAfterSeconds()
                        : exception instanceof LockedException
                                ? "/login?throttled"
                                : exception instanceof DisabledException ? "/login?suspended" : "/login?error");

        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(HTMX, new HxLocationRedirectAuthenticationEntryPoint("/login"));
        var entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));

        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/media/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/posts/new")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/",
                                "/feed",
                                "/explore",
                                "/login",
                                "/login/forgot",
                                "/login/reset",
                                "/verify-email",
                                "/unsubscribe",
                                "/signup",
                                "/prime",
                                "/@*",
                                "/@*/*",
                                "/posts/*",
                                "/products",
                                "/products/*",
                                "/products/*/questions",
                                "/questions/*",
                                "/collections/*",
                                "/tags/*",
                                "/interests",
                                "/interests/*",
                                "/search",
                                "/robots.txt",
                                "/sitemap.xml",
                                "/sitemap-*.xml",
                                "/feeds/**",
                                "/oembed")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/signup", "/login/forgot", "/login/reset", "/unsubscribe")
                        .permitAll()
                        .requestMatchers(new UnmappedRequestMatcher(context))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // a mail client's one-click unsubscribe (RFC 8058) posts without a token; the signed link is the proof
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens())
                        .ignoringRequestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe")))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("login")
                        .successHandler(successes)
                        .failureHandler(failures)
                        .permitAll())
                .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                .logout(logout -> logout.logoutSuccessUrl("/?loggedOut").deleteCookies("SESSION", "remember-me"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new PageCacheHeaders())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        // no page needs the camera, microphone or location
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        // a window of another site cannot reach a signed-in reader's page, nor it reach back
                        .addHeaderWriter(new SignedInOpenerPolicy()));
        return http.build();
    }

    /**
     * The embeddable cards ({@code /embed/**}), the only pages any site may frame: the same headers as every page but
     * {@code frame-ancestors *} and no X-Frame-Options. They show what a visitor sees, so they read no session and
     * keep no page to come back to.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain embedFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/embed/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/embed/**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .securityContext(context -> context.disable())
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new PageCacheHeaders())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(EMBED_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.disable())
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /** The CSRF token in an HttpOnly cookie rather than the session; pages hand it to htmx in a meta tag. */
    static CookieCsrfTokenRepository csrfTokens() {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }
}
