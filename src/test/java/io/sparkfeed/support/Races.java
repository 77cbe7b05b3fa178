package io.sparkfeed.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks at the same moment, to show what concurrent requests do to the data: every task waits on one latch,
 * released when all are submitted. A task that fails fails the race with its exception.
 */
public final class Races {

    private Races() {}

    /** The same task {@code times} times at once, on as many threads; their results in order. */
    public static <T> List<T> race(int times, Callable<T> task) throws Exception {
        return race(Collections.nCopies(times, task), times);
    }

    /** These tasks at once, on {@code threads} threads (fewer threads than tasks queue the rest); their results. */
    public static <T> List<T> race(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
