package io.sparkfeed.bench;

import io.sparkfeed.media.Images;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --sparkfeed.generate.posts=N}: once the application has started (schema migrated, demo data loaded), loads
 * a generated dataset of N posts into its database and exits. It connects as the schema owner, as Flyway does
 * ({@code spring.flyway.user}, the superuser of the embedded database): the generator switches the search triggers
 * off for its transaction and vacuums the tables, which only their owner may do, and the runtime user owns nothing.
 */
@Component
@ConditionalOnProperty("sparkfeed.generate.posts")
class GenerateCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateCommand.class);

    private final DatasetGenerator generator;
    private final ConfigurableApplicationContext context;
    private final int posts;

    GenerateCommand(
            Flyway flyway,
            Images images,
            ConfigurableApplicationContext context,
            @Value("${sparkfeed.generate.posts}") int posts) {
        // Flyway's data source: the owner's when spring.flyway.user is set, the application's otherwise
        this.generator = new DatasetGenerator(flyway.getConfiguration().getDataSource(), images);
        this.context = context;
        this.posts = posts;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = 0;
        try {
            Dataset dataset = generator.generate(posts);
            log.info(
                    "Generated dataset: {}. Sign in as user{}..user{} with the password {}",
                    dataset,
                    1,
                    dataset.accounts(),
                    Dataset.PASSWORD);
        } catch (RuntimeException e) {
            log.error("Could not generate the dataset", e);
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
