package io.sparkfeed.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC's repository, made cheap for a signed-in page view: at most one read and, when the request
 * changed nothing, no write.
 *
 * <p>Spring Session sets a session's last access time on every request, which makes JDBC rewrite the session's row
 * each time. Here the time is only moved forward once it is {@link #TOUCH_INTERVAL} old: a session then expires at
 * most that much before its timeout (eight hours), and a page view that changes no attribute writes nothing.
 *
 * <p>Spring Session also reads the session a second time at the end of a request whose page was flushed before the
 * end (it saves the session when the response is committed, forgets it, and looks it up again to compare ids). While
 * {@link #scope()} runs around the request, a session read once is handed out again instead.
 */
final class SessionStore implements FindByIndexNameSessionRepository<Session> {

    /** How old a session's last access time may get before a request moves it forward. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** The sessions read during the current request, by id; null outside a request. */
    private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> jdbc;
    private final JdbcIndexedSessionRepository cleanup;

    @SuppressWarnings("unchecked")
    SessionStore(JdbcIndexedSessionRepository jdbc) {
        // its sessions are a private class: they go back to it as they came out
        this.jdbc = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbc;
        this.cleanup = jdbc;
    }

    /** Removes the expired sessions from the database. */
    void cleanUpExpiredSessions() {
        cleanup.cleanUpExpiredSessions();
    }

    @Override
    public Session createSession() {
        return jdbc.createSession();
    }

    @Override
    public void save(Session session) {
        jdbc.save(session instanceof LazilyTouched touched ? touched.session : session);
    }

    @Override
    public Session findById(String id) {
        Map<String, Session> read = READ.get();
        Session known = read == null ? null : read.get(id);
        // a session whose id changed (a sign-in) is no longer found by its old id
        if (known != null && known.getId().equals(id)) {
            return known;
        }
        Session found = jdbc.findById(id);
        Session session = found == null ? null : new LazilyTouched(found);
        if (read != null && session != null) {
            read.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Session> read = READ.get();
        if (read != null) {
            read.remove(id);
        }
        jdbc.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return jdbc.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /** Runs around Spring Session's filter: sessions read during one request are read once. */
    static Filter scope() {
        return (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            if (READ.get() != null) { // a dispatch inside the request (an error page)
                chain.doFilter(request, response);
                return;
            }
            READ.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            } finally {
                READ.remove();
            }
        };
    }

    /** A stored session whose last access time moves only once it is {@link #TOUCH_INTERVAL} old. */
    private static final class LazilyTouched implements Session {

        private final Session session;

        LazilyTouched(Session session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (!time.isBefore(session.getLastAccessedTime().plus(TOUCH_INTERVAL))) {
                session.setLastAccessedTime(time);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
