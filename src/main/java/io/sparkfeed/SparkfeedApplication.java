package io.sparkfeed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sparkfeed: a self-hostable, shoppable social image feed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SparkfeedApplication {

    public static void main(String[] args) {
        SpringApplication.run(SparkfeedApplication.class, args);
    }
}
