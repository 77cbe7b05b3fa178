package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A burst of large uploads, many by one author: decoding happens outside any transaction, so the database pool
 * never runs dry and pages are served meanwhile; uploads beyond the decode limits are answered 429 (that author's
 * share) or 503 (the instance's) with Retry-After and the form, never left waiting on a connection.
 */
class UploadPoolTests extends IntegrationTest {

    private static final int UPLOADS = 12;

    @Autowired
    DataSource dataSource;

    @Test
    void parallelUploadsNeverTakeEveryConnectionAndPagesAreStillServed() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        List<TestAccount> authors = List.of(fixtures.primeMember(), fixtures.primeMember(), fixtures.primeMember());
        List<byte[]> photos = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            photos.add(Fixtures.jpeg(3000, 3000, 880_000 + i));
        }

        // sampled once half of the uploads have their answer: twelve requests arriving at once briefly use as many
        // connections for their first reads whatever the design; what matters is what the others hold afterwards,
        // while they decode (before the fix: every one of them, for seconds)
        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger finished = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                if (finished.get() >= UPLOADS / 2) {
                    peak.accumulateAndGet(pool.getActiveConnections(), Math::max);
                }
                Thread.onSpinWait();
            }
        });
        sampler.start();
        ExecutorService threads = Executors.newFixedThreadPool(UPLOADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < UPLOADS; i++) {
                // most by the first author, as measured: one person can no longer take the whole pool
                TestAccount author = authors.get(i < 8 ? 0 : i % authors.size());
                byte[] photo = photos.get(i);
                answers.add(threads.submit(() -> {
                    start.await();
                    try {
                        return mvc.perform(multipart("/posts")
                                        .file(new MockMultipartFile("photo", "big.jpg", "image/jpeg", photo))
                                        .param("altText", "Big")
                                        .param("caption", "burst")
                                        .param("disclosure", "NONE")
                                        .param("interests", "2")
                                        .with(author.login())
                                        .with(csrf()))
                                .andReturn()
                                .getResponse();
                    } finally {
                        finished.incrementAndGet();
                    }
                }));
            }
            start.countDown();
            // a visitor's page while the uploads are in flight
            int pages = 0;
            while (finished.get() < UPLOADS) {
                assertThat(mvc.perform(get("/")).andReturn().getResponse().getStatus())
                        .isEqualTo(200);
                pages++;
            }
            assertThat(pages).as("pages served while uploads were in flight").isPositive();

            int published = 0;
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get();
                assertThat(response.getStatus()).isIn(302, 429, 503);
                if (response.getStatus() == 302) {
                    published++;
                } else {
                    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
                    assertThat(response.getContentAsString()).contains("Try again in 5 seconds");
                }
            }
            assertThat(published).isPositive();
        } finally {
            running.set(false);
            sampler.join();
            threads.shutdownNow();
        }
        assertThat(peak.get())
                .as("connections in use at the peak, of " + hikari.getMaximumPoolSize())
                .isLessThan(hikari.getMaximumPoolSize() / 2);
    }
}
