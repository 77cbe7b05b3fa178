package io.sparkfeed.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The one S3-compatible store of the test run: S3Mock, started once from its executable jar in a JVM of its own on
 * a free port, with one bucket, and stopped when the test JVM ends. Not its JUnit 5 extension: S3Mock 4 is a
 * Spring Boot 3 application, and in-process it would share our Spring Boot 4 classpath (one
 * {@code SpringApplication}, one auto-configuration) and fail to start. Maven copies the jar to
 * {@code target/s3mock/} (maven-dependency-plugin), and Surefire passes its path in {@code sparkfeed.test.s3mock.jar}.
 */
public final class S3MockServer {

    public static final String BUCKET = "sparkfeed-test";
    public static final String REGION = "us-east-1";
    /** S3Mock checks no signature: any pair works; the client still signs every request with them. */
    public static final String ACCESS_KEY = "test-access-key";

    public static final String SECRET_KEY = "test-secret-key";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static URI endpoint;

    private S3MockServer() {}

    /** The store's address, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    private static URI start() {
        Path jar = Path.of(System.getProperty("sparkfeed.test.s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No S3Mock jar at " + jar.toAbsolutePath()
                    + ": run the tests through Maven (./mvnw verify), which copies it there");
        }
        try {
            int port = freePort();
            Path store = Files.createTempDirectory("sparkfeed-s3mock");
            Path log = jar.resolveSibling("s3mock.log");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> s3mock = List.of(
                    java,
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--com.adobe.testing.s3mock.http-port=" + port,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + store,
                    "--logging.level.root=WARN");
            Process process = new ProcessBuilder(watchedByThisJvm(s3mock))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "s3mock-stop"));
            URI uri = URI.create("http://127.0.0.1:" + port);
            awaitStarted(process, uri, log);
            return uri;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start S3Mock from " + jar, e);
        }
    }

    private static void awaitStarted(Process process, URI uri, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Mock stopped at start (exit " + process.exitValue() + "); see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> answer = http.send(
                        HttpRequest.newBuilder(uri.resolve("/" + BUCKET))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while S3Mock started", e);
            }
            sleep();
        }
        stop(process);
        throw new IllegalStateException(
                "S3Mock did not answer within " + START_TIMEOUT + "; see " + log.toAbsolutePath());
    }

    /**
     * Where there is a POSIX shell, S3Mock runs under one that stops it as soon as the shell's standard input ends:
     * when this JVM closes it on a normal exit, and also when this JVM is killed or halted without running its
     * shutdown hooks (a test run that timed out), so no S3Mock outlives its test run.
     */
    private static List<String> watchedByThisJvm(List<String> command) {
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        String quoted = command.stream()
                .map(part -> "'" + part.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        return List.of(
                "/bin/sh",
                "-c",
                // the shell's input kept as fd 3 for the watcher (a background job's own input is /dev/null); the
                // shell ends with S3Mock, so a failed start is seen at once
                "exec 3<&0; " + quoted + " </dev/null & child=$!; "
                        + "(cat <&3 >/dev/null; kill $child 2>/dev/null) & wait $child");
    }

    private static void stop(Process process) {
        try {
            // ends the watching shell's input: it stops S3Mock and waits for it
            process.getOutputStream().close();
            if (process.waitFor(15, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            // the shell is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
