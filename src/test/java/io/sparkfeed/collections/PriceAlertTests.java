package io.sparkfeed.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.notifications.Notifications;
import io.sparkfeed.platform.EventRedelivery;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.StatementCounter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts about saved products: a drop of at least the saver's threshold, or a restock, tells everyone who saved it
 * (in the app, and by mail if they asked), except those who bought it in the last 90 days; once per change, even when
 * the event is delivered again.
 */
class PriceAlertTests extends IntegrationTest {

    @Autowired
    Collections collections;

    @Autowired
    Alerts alerts;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Notifications notifications;

    private final List<UUID> copies = new ArrayList<>();

    @AfterEach
    void removeCopies() {
        copies.forEach(id ->
                jdbc.sql("delete from event_publication where id = ?").param(id).update());
    }

    private long alerts(TestAccount account, String kind, long product) {
        return count(
                "select count(*) from notifications where recipient_id = ? and kind = ? and product_id = ?",
                account.id(),
                kind,
                product);
    }

    private long mails(TestAccount account, String template) {
        return count("select count(*) from outbox_mails where account_id = ? and template = ?", account.id(), template);
    }

    /** Waits until the listeners of every event published so far completed. */
    private void settled() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from event_publication where completion_date is null "
                                + "and event_type like 'io.sparkfeed.catalog.Product%'")
                        == 0);
    }

    private TestAccount saverOf(long product) {
        TestAccount saver = fixtures.person();
        collections.save(saver.id(), SaveTarget.product(product), null);
        return saver;
    }

    @Test
    void aDropOfAtLeastTheThresholdAlertsEverySaverAndASmallerOneNobody() {
        long product = fixtures.newProduct("Alert kettle", new BigDecimal("100.00"), 5);
        var first = saverOf(product);
        var second = fixtures.person();
        long list = collections.create(second.id(), "Kitchen", false);
        collections.save(second.id(), SaveTarget.product(product), list);
        var picky = saverOf(product);
        alerts.change(picky.id(), 30, false, Locale.ENGLISH);

        fixtures.reprice(product, new BigDecimal("91.00"), 5); // 9 %: below the default 10 %
        settled();
        assertThat(alerts(first, "PRICE_DROP", product)).isZero();

        fixtures.reprice(product, new BigDecimal("81.90"), 5); // 10 % off 91.00
        settled();
        assertThat(alerts(first, "PRICE_DROP", product)).isEqualTo(1);
        assertThat(alerts(second, "PRICE_DROP", product)).isEqualTo(1);
        assertThat(alerts(picky, "PRICE_DROP", product)).isZero();

        fixtures.reprice(product, new BigDecimal("90.00"), 5); // a rise alerts nobody
        settled();
        assertThat(alerts(first, "PRICE_DROP", product)).isEqualTo(1);
    }

    @Test
    void aSoldOutProductBackInStockAlertsItsSavers() throws Exception {
        long product = fixtures.newProduct("Alert lamp", new BigDecimal("30.00"), 0);
        var saver = saverOf(product);
        fixtures.reprice(product, new BigDecimal("30.00"), 4);
        settled();
        assertThat(alerts(saver, "BACK_IN_STOCK", product)).isEqualTo(1);
        fixtures.reprice(product, new BigDecimal("30.00"), 6); // it was in stock already
        settled();
        assertThat(alerts(saver, "BACK_IN_STOCK", product)).isEqualTo(1);

        Document page = page(get("/notifications").with(saver.login()));
        assertThat(page.select(".notification-list").text()).contains("back in stock");
        assertThat(page.select(".notification-list a[href=/products/" + product + "]"))
                .hasSize(1);
    }

    @Test
    void nobodyHearsAboutAProductTheyBoughtInTheLastNinetyDays() {
        long product = fixtures.newProduct("Alert mug", new BigDecimal("20.00"), 50);
        var buyer = saverOf(product);
        var oldBuyer = saverOf(product);
        fixtures.order(buyer.id(), product, 1, null);
        long old = fixtures.order(oldBuyer.id(), product, 1, null);
        jdbc.sql("update orders set created_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(91))), old)
                .update();
        fixtures.reprice(product, new BigDecimal("10.00"), 50);
        settled();
        assertThat(alerts(buyer, "PRICE_DROP", product)).isZero();
        assertThat(alerts(oldBuyer, "PRICE_DROP", product)).isEqualTo(1);
    }

    @Test
    void aSaverWhoAskedForMailGetsOneInTheirLanguageAndOthersNone() throws Exception {
        long product = fixtures.newProduct("Alert vase", new BigDecimal("50.00"), 5);
        var mailed = saverOf(product);
        var quiet = saverOf(product);
        mvc.perform(post("/me/alerts")
                        .param("threshold", "10")
                        .param("email", "true")
                        .param("lang", "fr")
                        .with(mailed.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(alerts.settings(mailed.id())).isEqualTo(new AlertSettings(10, true, "fr"));
        mvc.perform(post("/me/alerts")
                        .param("threshold", "0")
                        .with(quiet.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(alerts.settings(quiet.id())).isEqualTo(AlertSettings.defaults());

        fixtures.reprice(product, new BigDecimal("40.00"), 5);
        settled();
        assertThat(mails(mailed, "priceDrop")).isEqualTo(1);
        assertThat(mails(quiet, "priceDrop")).isZero();
        assertThat(jdbc.sql("select subject from outbox_mails where account_id = ? and template = 'priceDrop'")
                        .param(mailed.id())
                        .query(String.class)
                        .single())
                .contains("moins cher");
    }

    @Test
    void aPriceDropDeliveredAgainAlertsAndMailsOnce() {
        long product = fixtures.newProduct("Alert rug", new BigDecimal("60.00"), 5);
        var saver = saverOf(product);
        alerts.change(saver.id(), 10, true, Locale.ENGLISH);
        List<Map<String, Object>> publications = transactions.execute(status -> {
            fixtures.reprice(product, new BigDecimal("30.00"), 5);
            return jdbc.sql("""
                            select listener_id, event_type, serialized_event from event_publication
                            where xmin = cast(pg_current_xact_id() as xid)""").query().listOfRows();
        });
        assertThat(publications)
                .extracting(p -> p.get("event_type"))
                .contains("io.sparkfeed.catalog.ProductPriceChanged");
        settled();
        assertThat(alerts(saver, "PRICE_DROP", product)).isEqualTo(1);

        Timestamp anHourAgo = Timestamp.from(clock.instant().minus(Duration.ofHours(1)));
        for (Map<String, Object> publication : publications) {
            UUID id = UUID.randomUUID();
            copies.add(id);
            jdbc.sql("""
                            insert into event_publication (id, listener_id, event_type, serialized_event,
                                publication_date, status, completion_attempts, last_resubmission_date)
                            values (?, ?, ?, ?, ?, 'PROCESSING', 1, ?)""")
                    .params(
                            id,
                            publication.get("listener_id"),
                            publication.get("event_type"),
                            publication.get("serialized_event"),
                            anHourAgo,
                            anHourAgo)
                    .update();
        }
        redelivery.redeliver();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) from event_publication where id = any(?)", (Object)
                                copies.toArray(UUID[]::new))
                        == 0);
        assertThat(alerts(saver, "PRICE_DROP", product)).isEqualTo(1);
        assertThat(mails(saver, "priceDrop")).isEqualTo(1);
    }

    @Test
    void theFanOutToManySaversIsOneStatementHoweverManyTheyAre() {
        long product = fixtures.newProduct("Alert chair", new BigDecimal("200.00"), 5);
        List<TestAccount> savers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            savers.add(saverOf(product));
        }
        StatementCounter.reset();
        int told = notifications.tellWatchers(
                UUID.randomUUID(), Notifications.PRICE_DROP, product, 50, "Alert chair", "http://localhost");
        assertThat(StatementCounter.count()).isEqualTo(1);
        assertThat(told).isEqualTo(savers.size());
        assertThat(savers).allMatch(s -> alerts(s, "PRICE_DROP", product) == 1);
    }
}
