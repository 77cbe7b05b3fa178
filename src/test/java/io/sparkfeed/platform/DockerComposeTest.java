package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The compose file a newcomer deploys with keeps the database private and the app in production mode. */
class DockerComposeTest {

    private static Map<String, Object> services;
    private static Map<String, Object> networks;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
            networks = (Map<String, Object>) compose.get("networks");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        return (Map<String, String>) service(name).get("environment");
    }

    @Test
    void theDatabaseIsReachableOnlyFromTheInternalNetwork() {
        assertThat(service("db")).doesNotContainKey("ports");
        assertThat((List<String>) service("db").get("networks")).containsExactly("database");
        assertThat(networks.get("database")).isEqualTo(Map.of("internal", true));
    }

    @Test
    void theAppRunsTheProdProfileAsARuntimeUserThatOwnsNothing() {
        assertThat(environment("app"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "sparkfeed_app")
                .containsEntry("SPRING_FLYWAY_USER", environment("db").get("POSTGRES_USER"));
    }

    @Test
    void everyPasswordAndKeyMustComeFromTheEnvironment() {
        for (String value : List.of(
                environment("db").get("POSTGRES_PASSWORD"),
                environment("db").get("SPARKFEED_APP_DB_PASSWORD"),
                environment("app").get("SPRING_DATASOURCE_PASSWORD"),
                environment("app").get("SPRING_FLYWAY_PASSWORD"),
                environment("app").get("SPARKFEED_SECURITY_REMEMBER_ME_KEY"))) {
            // ${NAME:?message}: compose refuses to start while NAME is unset or empty
            assertThat(value).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
        }
    }
}
