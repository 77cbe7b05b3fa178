package io.sparkfeed.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, tables {@code spring_session} and
 * {@code spring_session_attributes}, created by Flyway), so any instance of a cluster serves any signed-in
 * request and a restart signs nobody out. Attributes are JSON ({@link SessionAttributeJson}); a changed attribute
 * is written with PostgreSQL's upsert. A visitor never has a session (see {@link SecurityConfig}); a signed-in page
 * view reads its session once, and writes it only when an attribute changed or once a minute for its last access
 * time ({@link SessionStore}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    /** Spring Session JDBC looks this bean up by its name to turn attributes into bytes and back. */
    @Bean
    ConversionService springSessionConversionService() {
        var json = new SessionAttributeJson(SessionConfig.class.getClassLoader());
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, json::write);
        conversions.addConverter(byte[].class, Object.class, json::read);
        return conversions;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** Spring Session's filter and everything else that asks for the repository get Spring Boot's, wrapped. */
    @Bean
    static BeanPostProcessor sessionStore() {
        return new SmartInstantiationAwareBeanPostProcessor() {
            @Override
            public Class<?> predictBeanType(Class<?> beanClass, String name) {
                return JdbcIndexedSessionRepository.class.isAssignableFrom(beanClass) ? SessionStore.class : null;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new SessionStore(jdbc) : bean;
            }
        };
    }

    /** Around Spring Session's filter, so that it reads a session once per request (see {@link SessionStore}). */
    @Bean
    FilterRegistrationBean<Filter> sessionReadScope() {
        var registration = new FilterRegistrationBean<>(SessionStore.scope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Removes expired sessions on one instance of a cluster at a time (ShedLock), instead of Spring Session's own
     * cron on every instance ({@code spring.session.jdbc.cleanup-cron=-}).
     */
    @Component
    static class ExpiredSessionsCleanup {

        private final SessionStore sessions;

        ExpiredSessionsCleanup(SessionStore sessions) {
            this.sessions = sessions;
        }

        @Scheduled(fixedDelayString = "${sparkfeed.sessions.cleanup-interval:5m}", initialDelayString = "1m")
        @SchedulerLock(name = "expired-sessions-cleanup", lockAtMostFor = "10m", lockAtLeastFor = "1m")
        void removeExpired() {
            sessions.cleanUpExpiredSessions();
        }
    }
}
