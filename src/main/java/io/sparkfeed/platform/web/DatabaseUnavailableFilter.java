package io.sparkfeed.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While PostgreSQL cannot be reached, every page answers 503 with the site's "briefly unavailable" page and a
 * {@code Retry-After}, instead of a 500: whether the failure came from a controller, a service or a filter of the
 * security chain (a signed-in request loads its account there). Outermost of the application's filters, so that
 * it sees them all. The pool gives up on a connection after {@code spring.datasource.hikari.connection-timeout},
 * so the answer comes within seconds, and the app serves again as soon as the database is back: the pool opens new
 * connections by itself.
 */
@Component
class DatabaseUnavailableFilter extends OncePerRequestFilter implements Ordered {

    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!databaseUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn("The database cannot be reached: " + request.getMethod() + " " + request.getRequestURI()
                    + " answered 503 (" + e + ")");
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    /** Whether the failure, or any of its causes, says the database could not be reached (SQLSTATE 08, 57P). */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
