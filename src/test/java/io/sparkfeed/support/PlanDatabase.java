package io.sparkfeed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan tests' database: {@value #POSTS} generated posts (set-based SQL, {@code plans/dataset.sql}) in a
 * database of its own on the test server, migrated by Flyway, so that no other test sees them. Generated once per
 * JVM and kept until the server stops.
 *
 * @param heavyViewer an account that follows {@value #FOLLOWS} accounts and picked ten interests
 * @param typicalViewer an account with ten follows and five interests
 */
public record PlanDatabase(JdbcClient db, long heavyViewer, long typicalViewer, long firstPostId) {

    public static final int POSTS = 50_000;
    public static final int FOLLOWS = 300;
    public static final String COMMON_TAG = "cozy";
    public static final String RARE_TAG = "raretag";
    public static final String COMMON_WORD = "lamp";
    public static final String RARE_WORD = "quokka";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private static PlanDatabase generated;

    public static synchronized PlanDatabase get() {
        if (generated == null) {
            TestDatabase.Connection server = TestDatabase.get();
            Matcher url = URL.matcher(server.url());
            if (!url.matches()) {
                throw new IllegalStateException("Unexpected test database URL " + server.url());
            }
            var admin = JdbcClient.create(
                    new DriverManagerDataSource(server.url(), server.ownerUsername(), server.ownerPassword()));
            // left over by a run that stopped half-way (the server outlives a JVM only with Testcontainers' reuse)
            admin.sql("drop database if exists sparkfeed_plans with (force)").update();
            admin.sql("create database sparkfeed_plans").update();
            var dataSource = new DriverManagerDataSource(
                    url.group(1) + "sparkfeed_plans" + url.group(3), server.ownerUsername(), server.ownerPassword());
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            JdbcClient db = JdbcClient.create(dataSource);
            // one transaction, one connection: the script's temporary table lives until its commit
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
                for (String statement : script().split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        db.sql(statement)
                                .param("posts", POSTS)
                                .param("follows", FOLLOWS)
                                .update();
                    }
                }
            });
            db.sql("vacuum analyze").update();
            long first = db.sql("select min(id) from accounts where handle like 'gen%'")
                    .query(Long.class)
                    .single();
            generated = new PlanDatabase(
                    db,
                    first,
                    first + 1,
                    db.sql("select min(id) from posts").query(Long.class).single());
        }
        return generated;
    }

    private static String script() {
        try {
            return new ClassPathResource("plans/dataset.sql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
