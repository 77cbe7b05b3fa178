package io.sparkfeed.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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

    /** What HikariCP's stand-in for a connection it has closed answers to every call (with no SQLSTATE). */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

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

    /**
     * Whether the failure, or any of its causes (or what it suppressed), says the database could not be reached:
     * SQLSTATE 08 (connection) or 57P (the server shut down), no connection within the pool's wait, or a rollback
     * refused because the pool had already closed the connection. The last is what a request holding a connection
     * gets when PostgreSQL stops under it: its statement fails with 57P01, the pool closes the broken connection,
     * and the transaction's rollback then fails and replaces the first failure.
     */
    static boolean databaseUnreachable(Throwable failure) {
        Deque<Throwable> toSee = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toSee.isEmpty()) {
            Throwable e = toSee.pop();
            if (!seen.add(e) || seen.size() > 50) {
                continue;
            }
            if (e instanceof DataAccessResourceFailureException
                    || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException) {
                return true;
            }
            if (e instanceof SQLException sql
                    && (sql.getSQLState() == null
                            ? CLOSED_BY_THE_POOL.equals(sql.getMessage())
                            : sql.getSQLState().startsWith("08")
                                    || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (e.getCause() != null) {
                toSee.push(e.getCause());
            }
            toSee.addAll(List.of(e.getSuppressed()));
        }
        return false;
    }
}
