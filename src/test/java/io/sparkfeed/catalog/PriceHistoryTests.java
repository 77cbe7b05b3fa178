package io.sparkfeed.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

    /** The chart's line as the SVG draws it: each vertex as {x, y}. */
    private static List<double[]> line(Element svg) {
        return Arrays.stream(svg.selectFirst("polyline").attr("points").split(" "))
                .map(xy -> Arrays.stream(xy.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toList();
    }

    private static double cx(Element circle) {
        return Double.parseDouble(circle.attr("cx"));
    }

    /** A product listed some time before {@code now} and repriced later; the clock is left at {@code now}. */
    private long listedAndRepriced(String title, Instant now, Duration listedAgo, Duration repricedAgo) {
        clock.pin(now.minus(listedAgo));
        long product = fixtures.newProduct(title, new BigDecimal("80.00"), 3);
        clock.pin(now.minus(repricedAgo));
        fixtures.reprice(product, new BigDecimal("60.00"), 3);
        clock.pin(now);
        return product;
    }

    private Element chart(String path) throws Exception {
        return page(get(path)).selectFirst("svg.price-chart");
    }

    private static String day(Instant at, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", locale)
                .withZone(ZoneId.systemDefault())
                .format(at);
    }

    @Test
    void aProductListedHoursAgoIsDrawnFromItsFirstPriceAtTheLeftEdgeToNowAtTheRight() throws Exception {
        Instant now = Instant.parse("2026-03-10T12:00:00Z");
        long product = listedAndRepriced("Kettle young", now, Duration.ofHours(3), Duration.ofHours(1));

        Element svg = chart("/products/" + product);
        var dots = svg.select("circle");
        assertThat(dots).hasSize(2);
        // the first price opens the axis: at the plot's left edge, not squeezed against the right one
        assertThat(cx(dots.get(0))).isEqualTo(PriceChart.LEFT);
        // two hours of three later the price changed: two thirds of the way along
        assertThat(cx(dots.get(1)))
                .isCloseTo(PriceChart.LEFT + (PriceChart.RIGHT - PriceChart.LEFT) * 2 / 3.0, within(0.1));
        List<double[]> line = line(svg);
        assertThat(line.get(0)[0]).isEqualTo(PriceChart.LEFT);
        assertThat(line.get(line.size() - 1)[0]).isEqualTo(PriceChart.RIGHT);
        // hours apart, the axis' dates carry the time of day
        var hour = DateTimeFormatter.ofPattern("d MMM, h:mm a", Locale.ENGLISH).withZone(ZoneId.systemDefault());
        assertThat(svg.select("text").eachText())
                .containsExactly(hour.format(now.minus(Duration.ofHours(3))), hour.format(now));
        assertThat(svg.selectFirst("title").text())
                .isEqualTo("Price of Kettle young from " + hour.format(now.minus(Duration.ofHours(3))) + " to "
                        + hour.format(now));
    }

    @Test
    void anOlderProductsAxisIsTheNinetyDaysWithTheirDatesInEnglishAndFrench() throws Exception {
        Instant now = Instant.parse("2026-06-15T12:00:00Z");
        long product = listedAndRepriced("Lamp old", now, Duration.ofDays(200), Duration.ofDays(45));

        Element svg = chart("/products/" + product);
        var dots = svg.select("circle");
        // the price it had 90 days ago at the left edge, the change of 45 days ago half-way along
        assertThat(dots).extracting(PriceHistoryTests::cx).containsExactly(6.0, 160.0);
        Instant windowStart = now.minus(Catalog.PRICE_WINDOW);
        assertThat(svg.select("text").eachText())
                .containsExactly(day(windowStart, Locale.ENGLISH), day(now, Locale.ENGLISH));
        assertThat(day(windowStart, Locale.ENGLISH)).matches("1[67] Mar 2026");
        assertThat(svg.selectFirst("title").text())
                .isEqualTo("Price of Lamp old from " + day(windowStart, Locale.ENGLISH) + " to "
                        + day(now, Locale.ENGLISH));

        Element french = chart("/products/" + product + "?lang=fr");
        assertThat(french.select("text").eachText())
                .containsExactly(day(windowStart, Locale.FRENCH), day(now, Locale.FRENCH));
        assertThat(day(now, Locale.FRENCH)).matches("1[56] juin 2026");
        assertThat(french.selectFirst("title").text())
                .startsWith("Prix de Lamp old du " + day(windowStart, Locale.FRENCH));
        assertThat(french.selectFirst("desc").text()).isEqualTo("Le prix est allé de 60,00 USD à 80,00 USD.");
    }

    @Test
    void aProductWithOnePriceIsAFlatLineAcrossTheWholeAxisEvenListedThisVeryInstant() throws Exception {
        Instant now = Instant.parse("2026-04-01T08:00:00Z");
        clock.pin(now);
        long product = fixtures.newProduct("Plain plate", new BigDecimal("9.99"), 3);

        Document page = page(get("/products/" + product));
        assertThat(page.select(".price-low").text()).contains("9.99");
        Element svg = page.selectFirst("svg.price-chart");
        // no span of time at all: a line from edge to edge at mid-height, not a dot against an edge
        assertThat(svg.selectFirst("polyline").attr("points")).isEqualTo("6.0,40.0 314.0,40.0");
        assertThat(svg.select("circle")).extracting(PriceHistoryTests::cx).containsExactly(6.0);
        assertThat(svg.selectFirst("desc").text()).isEqualTo("The price stayed at 9.99 USD.");
        assertThat(svg.outerHtml()).doesNotContain("NaN").doesNotContain("Infinity");

        // half a minute later: still one line from edge to edge, the dot at the start
        clock.pin(now.plusSeconds(30));
        Element later = chart("/products/" + product);
        assertThat(later.selectFirst("polyline").attr("points")).isEqualTo("6.0,40.0 314.0,40.0");
        assertThat(later.select("circle")).extracting(PriceHistoryTests::cx).containsExactly(6.0);
    }

    @Test
    void aProductListedWithinTheMinuteHasOneDateUnderItsAxisNotTheSameDateTwice() throws Exception {
        Instant now = Instant.parse("2026-04-02T09:15:10Z");
        clock.pin(now);
        long product = fixtures.newProduct("Fresh cup", new BigDecimal("7.00"), 3);
        var hour = DateTimeFormatter.ofPattern("d MMM, h:mm a", Locale.ENGLISH).withZone(ZoneId.systemDefault());

        // forty seconds later both ends of the axis would read the same minute: it is said once, in the middle
        clock.pin(now.plusSeconds(40));
        Element svg = chart("/products/" + product);
        assertThat(svg.select("text").eachText()).containsExactly(hour.format(now));
        assertThat(svg.selectFirst("text").attr("x")).isEqualTo("" + PriceChart.WIDTH / 2);
        assertThat(svg.select("path.price-ticks")).isEmpty();
        assertThat(svg.selectFirst("title").text()).isEqualTo("Price of Fresh cup since " + hour.format(now));
        var heure = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.FRENCH).withZone(ZoneId.systemDefault());
        Element french = chart("/products/" + product + "?lang=fr");
        assertThat(french.select("text").eachText()).containsExactly(heure.format(now));
        assertThat(french.selectFirst("title").text()).isEqualTo("Prix de Fresh cup depuis le " + heure.format(now));

        // once the minute has turned, the axis has its two ends again
        clock.pin(now.plusSeconds(60));
        Element later = chart("/products/" + product);
        assertThat(later.select("text").eachText()).containsExactly(hour.format(now), hour.format(now.plusSeconds(60)));
        assertThat(later.select("path.price-ticks")).hasSize(1);
        assertThat(later.selectFirst("title").text())
                .isEqualTo("Price of Fresh cup from " + hour.format(now) + " to " + hour.format(now.plusSeconds(60)));
    }

    @Test
    void pricesThatAreAllEqualDrawAFlatLineAndSaySo() throws Exception {
        Instant now = Instant.parse("2026-05-20T10:00:00Z");
        clock.pin(now.minus(Duration.ofDays(10)));
        long product = fixtures.newProduct("Bowl same", new BigDecimal("25.00"), 3);
        // the same price recorded again (as a change of currency and back would)
        jdbc.sql("insert into product_prices (product_id, price, currency, changed_at) values (?, 25.00, 'USD', ?)")
                .params(product, Timestamp.from(now.minus(Duration.ofDays(5))))
                .update();
        clock.pin(now);

        Element svg = chart("/products/" + product);
        assertThat(line(svg)).allSatisfy(point -> assertThat(point[1]).isEqualTo(40.0));
        assertThat(svg.select("circle")).extracting(PriceHistoryTests::cx).containsExactly(6.0, 160.0);
        assertThat(svg.selectFirst("desc").text()).isEqualTo("The price stayed at 25.00 USD.");
    }
}
