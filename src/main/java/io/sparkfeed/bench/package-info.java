/**
 * The benchmark dataset: {@link io.sparkfeed.bench.DatasetGenerator} loads a large, realistic dataset (default
 * 1M posts and 100k accounts) into a database with set-based SQL, for the Gatling benchmark and for plan tests.
 * Run with {@code --sparkfeed.generate.posts=N} it generates and exits. It writes every module's tables directly,
 * as a migration would, and shares only the photos with the rest of the application.
 */
@ApplicationModule(
        displayName = "Benchmark data",
        allowedDependencies = {"media", "demo"})
package io.sparkfeed.bench;

import org.springframework.modulith.ApplicationModule;
