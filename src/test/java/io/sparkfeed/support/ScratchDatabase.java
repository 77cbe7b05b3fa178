package io.sparkfeed.support;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own on the test PostgreSQL server, migrated by Flyway and dropped on close: for tests that fill
 * a database with generated data (thousands of posts) without changing what the other tests see in the shared one.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private final String name;
    private final DriverManagerDataSource dataSource;

    private ScratchDatabase(String name, DriverManagerDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** Creates and migrates a new database named after {@code purpose} (letters and underscores). */
    public static ScratchDatabase create(String purpose) {
        TestDatabase.Connection server = TestDatabase.get();
        String name =
                purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        admin(server).sql("create database " + name).update();
        Matcher url = URL.matcher(server.url());
        if (!url.matches()) {
            throw new IllegalStateException("Unexpected test database URL " + server.url());
        }
        var dataSource = new DriverManagerDataSource(
                url.group(1) + name + url.group(3), server.ownerUsername(), server.ownerPassword());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new ScratchDatabase(name, dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        admin(TestDatabase.get())
                .sql("drop database if exists " + name + " with (force)")
                .update();
    }

    private static JdbcClient admin(TestDatabase.Connection server) {
        return JdbcClient.create(
                new DriverManagerDataSource(server.url(), server.ownerUsername(), server.ownerPassword()));
    }
}
