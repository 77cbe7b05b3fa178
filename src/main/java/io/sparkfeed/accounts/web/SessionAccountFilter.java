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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the sessions of a suspended (or deleted) account at once: on its next request, page, form or htmx call,
 * the session is invalidated, the remember-me cookie cleared and the browser sent to the login page, which says
 * why. Runs after Spring Security has loaded the session's principal. The account it loads is kept for the
 * request, so {@link CurrentAccountAdvice} does not load it again: the check costs no extra statement on a page.
 */
@Component
class SessionAccountFilter extends OncePerRequestFilter {

    static final String CURRENT = SessionAccountFilter.class.getName() + ".current";

    private final Accounts accounts;

    SessionAccountFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.startsWith("/media/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<CurrentAccount> current = accounts.current(principal.id());
            if (current.isEmpty()) {
                endSession(request, response);
                return;
            }
            request.setAttribute(CURRENT, current.get());
        }
        chain.doFilter(request, response);
    }

    private static void endSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Cookie rememberMe = new Cookie("remember-me", "");
        rememberMe.setMaxAge(0);
        rememberMe.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        response.addCookie(rememberMe);
        String login = request.getContextPath() + "/login?suspended";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", login);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(login);
        }
    }
}
