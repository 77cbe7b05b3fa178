package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.CurrentAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every signed-in request to what the account is now in PostgreSQL, so that a change made on another
 * device or instance applies at the session's next request, page, form or htmx call:
 * <ul>
 * <li>a suspended (or deleted) account's session ends, and the login page says why;</li>
 * <li>a session from before "log out everywhere" (an older session version) ends;</li>
 * <li>an admin role granted or revoked since login replaces the session's authorities. The person stays signed in
 * (a role change is no reason to lose one's place), and the check runs inside Spring Security's chain before its
 * authorization, so a revoked admin's very next request to {@code /admin} is refused.</li>
 * </ul>
 * Prime, enthusiast status and account kind are no authorities: every check reads them from the database already.
 * The account it loads is kept for the request, so {@link CurrentAccountAdvice} does not load it again: the check
 * costs no extra statement on a page.
 */
class SessionAccountFilter extends OncePerRequestFilter {

    static final String CURRENT = SessionAccountFilter.class.getName() + ".current";

    private final Accounts accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.startsWith("/webjars/")
                || path.startsWith("/media/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<CurrentAccount> current = accounts.current(principal.id());
            if (current.isEmpty()) {
                endSession(request, response, "/login?suspended");
                return;
            }
            if (current.get().sessionVersion() != principal.sessionVersion()) {
                endSession(request, response, "/login?ended");
                return;
            }
            if (current.get().admin() != principal.admin()) {
                refreshRoles(authentication, principal.withAdmin(current.get().admin()), request, response);
            }
            request.setAttribute(CURRENT, current.get());
        }
        chain.doFilter(request, response);
    }

    private void refreshRoles(
            Authentication authentication,
            AccountPrincipal refreshed,
            HttpServletRequest request,
            HttpServletResponse response) {
        // other authorities (how the person signed in, e.g. FACTOR_PASSWORD) stay as they were
        Authentication updated = authentication.toBuilder()
                .principal(refreshed)
                .authorities(authorities -> {
                    authorities.removeIf(authority ->
                            String.valueOf(authority.getAuthority()).startsWith("ROLE_"));
                    authorities.addAll(refreshed.getAuthorities());
                })
                .build();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            sessions.saveContext(context, request, response);
        }
    }

    private static void endSession(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Cookie rememberMe = new Cookie("remember-me", "");
        rememberMe.setMaxAge(0);
        rememberMe.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        response.addCookie(rememberMe);
        String login = request.getContextPath() + target;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(login);
        }
    }
}
