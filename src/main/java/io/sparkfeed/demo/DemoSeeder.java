package io.sparkfeed.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each {@link DemoStep} once per database, in order, each in its own transaction, and records it in
 * {@code demo_seed_steps}: a restart does nothing, and a step added by a later release runs once on an old database.
 */
@Component
@ConditionalOnBooleanProperty(name = "sparkfeed.demo-data.enabled", matchIfMissing = true)
class DemoSeeder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final List<DemoStep> steps;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoSeeder(List<DemoStep> steps, JdbcClient jdbc, TransactionTemplate transactions) {
        this.steps = steps;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private volatile boolean running;

    /** Before the web server opens its port (its phase is just below Integer.MAX_VALUE), so nobody sees it half-seeded. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        running = true;
        for (DemoStep step : steps) {
            transactions.executeWithoutResult(status -> {
                // the lock makes two instances starting together seed once
                jdbc.sql("lock table demo_seed_steps in exclusive mode").update();
                boolean done = jdbc.sql("select count(*) from demo_seed_steps where name = ?")
                                .param(step.name())
                                .query(Long.class)
                                .single()
                        > 0;
                if (!done) {
                    log.info("Loading demo data: {}", step.name());
                    step.run();
                    jdbc.sql("insert into demo_seed_steps (name) values (?)")
                            .param(step.name())
                            .update();
                }
            });
        }
    }
}
