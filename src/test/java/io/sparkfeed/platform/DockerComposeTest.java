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
    private static Map<String, Object> configs;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
            networks = (Map<String, Object>) compose.get("networks");
            configs = (Map<String, Object>) compose.get("configs");
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

    @Test
    @SuppressWarnings("unchecked")
    void theClusterProfileRunsTwoReplicasBehindNginxWithoutStickyRouting() {
        for (String name : List.of("cluster-build", "seaweedfs", "seaweedfs-bucket", "cluster-app", "nginx")) {
            assertThat((List<String>) service(name).get("profiles")).as(name).containsExactly("cluster");
        }
        // a plain `docker compose up` starts what it did before
        assertThat(service("app")).doesNotContainKey("profiles");
        assertThat(service("db")).doesNotContainKey("profiles");
        assertThat((Map<String, Object>) service("cluster-app").get("deploy")).containsEntry("replicas", 2);
        String nginx = (String) ((Map<String, Object>) configs.get("nginx-cluster")).get("content");
        assertThat(nginx)
                .contains("server cluster-app:8080;")
                .contains("proxy_set_header X-Forwarded-For $$proxy_add_x_forwarded_for;")
                .contains("proxy_set_header X-Forwarded-Proto $$scheme;")
                .doesNotContain("ip_hash")
                .doesNotContain("sticky")
                .doesNotContain("hash ");
    }

    @Test
    void theClusterKeepsPhotosInThePrivateStoreWithKeysFromTheEnvironment() {
        assertThat(environment("cluster-app"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .containsEntry("SPARKFEED_MEDIA_STORAGE", "s3")
                .containsEntry("SPARKFEED_MEDIA_S3_ENDPOINT", "http://seaweedfs:8333")
                .containsEntry("SPARKFEED_MEDIA_S3_ACCESS_KEY", "${SPARKFEED_S3_ACCESS_KEY:-}")
                .containsEntry("SPARKFEED_MEDIA_S3_SECRET_KEY", "${SPARKFEED_S3_SECRET_KEY:-}");
        // only the cluster needs the store's keys, so they cannot be :? (compose reads the whole file); the store
        // itself refuses to start without them
        assertThat(environment("seaweedfs"))
                .containsEntry("S3_ACCESS_KEY", "${SPARKFEED_S3_ACCESS_KEY:-}")
                .containsEntry("S3_SECRET_KEY", "${SPARKFEED_S3_SECRET_KEY:-}");
        assertThat(String.join(" ", commandOf("seaweedfs"))).contains("if [ -z \"$$S3_ACCESS_KEY\" ]");
        assertThat(service("seaweedfs")).doesNotContainKey("ports");
        assertThat((List<String>) service("seaweedfs").get("networks")).containsExactly("storage");
        assertThat(networks.get("storage")).isEqualTo(Map.of("internal", true));
    }

    @SuppressWarnings("unchecked")
    private static List<String> commandOf(String name) {
        return (List<String>) service(name).get("command");
    }
}
