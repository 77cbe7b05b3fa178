package io.sparkfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PriceHistoryTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    private List<BigDecimal> prices(long productId) {
        return jdbc.sql("select price from product_prices where product_id = ? order by changed_at, id")
                .param(productId)
                .query(BigDecimal.class)
                .list();
    }

    @Test
    void everyPriceAProductHadIsRecordedByTheAdminsCreateAndEditButNotAnEditThatKeepsThePrice() {
        long product = fixtures.newProduct("Kettle history", new BigDecimal("40.00"), 3);
        fixtures.reprice(product, new BigDecimal("35.50"), 3);
        fixtures.reprice(product, new BigDecimal("35.50"), 7); // only the stock changed
        fixtures.reprice(product, new BigDecimal("38.00"), 7);
        assertThat(prices(product))
                .containsExactly(new BigDecimal("40.00"), new BigDecimal("35.50"), new BigDecimal("38.00"));
    }

    @Test
    void aWriteOutsideTheCatalogsCodeIsRecordedToo() {
        // the bulk loader (bench/dataset.sql) and any import write products with SQL: the trigger records them
        long product = fixtures.newProduct("Lamp bulk", new BigDecimal("12.00"), 3);
        jdbc.sql("update products set price = 9.00 where id = ?").param(product).update();
        long inserted = jdbc.sql("""
                        insert into products (title, brand, price, currency, category, stock)
                        values ('Bulk mug', 'Bulk', 4.50, 'USD', 'Home', 1) returning id""").query(Long.class).single();
        assertThat(prices(product)).containsExactly(new BigDecimal("12.00"), new BigDecimal("9.00"));
        assertThat(prices(inserted)).containsExactly(new BigDecimal("4.50"));
    }

    @Test
    void theProductPageDrawsTheChartOnTheServerAndSaysTheLowestPriceOfNinetyDays() throws Exception {
        long product = fixtures.newProduct("Chair chart", new BigDecimal("80.00"), 3);
        // a price from long ago, lower than anything since: it is outside the 90 days
        jdbc.sql("update product_prices set changed_at = ? where product_id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(200))), product)
                .update();
        jdbc.sql("insert into product_prices (product_id, price, currency, changed_at) values (?, 20.00, 'USD', ?)")
                .params(product, Timestamp.from(clock.instant().minus(Duration.ofDays(150))))
                .update();
        jdbc.sql("insert into product_prices (product_id, price, currency, changed_at) values (?, 70.00, 'USD', ?)")
                .params(product, Timestamp.from(clock.instant().minus(Duration.ofDays(100))))
                .update();
        fixtures.reprice(product, new BigDecimal("55.00"), 3);
        fixtures.reprice(product, new BigDecimal("65.00"), 3);

        PriceHistory history = catalog.priceHistory(product);
        assertThat(history.points())
                .extracting(PriceHistory.Point::price)
                .containsExactly(new BigDecimal("70.00"), new BigDecimal("55.00"), new BigDecimal("65.00"));
        assertThat(history.lowest()).isEqualByComparingTo("55.00");

        Document page = page(get("/products/" + product));
        assertThat(page.select(".price-low").text()).contains("55.00");
        var svg = page.select("svg.price-chart");
        assertThat(svg).hasSize(1);
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.select("title").first().text()).contains("Chair chart");
        assertThat(svg.select("desc").text()).contains("55.00").contains("70.00");
        assertThat(svg.select("polyline").attr("points")).matches("[0-9., ]+");
        assertThat(svg.select("circle")).hasSize(3);
        assertThat(page.select("script:not([type=application/ld+json])").eachAttr("src"))
                .allMatch(src -> src.contains("htmx") || src.contains("app"));
    }

    @Test
    void aProductWithOnePriceSaysItsLowestAndAChartOfOnePoint() throws Exception {
        long product = fixtures.newProduct("Plain plate", new BigDecimal("9.99"), 3);
        Document page = page(get("/products/" + product));
        assertThat(page.select(".price-low").text()).contains("9.99");
    }
}
