package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkfeed.platform.SitemapSection.IdRow;
import io.sparkfeed.platform.SitemapSection.Url;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** How an id-keyed section is cut into pages: by id ranges, read in chunks after the last id, never by offset. */
class SitemapPagesTest {

    private final NavigableSet<Long> ids = new TreeSet<>();
    private final List<long[]> reads = new ArrayList<>();

    private Long first(long from) {
        return ids.ceiling(from);
    }

    private List<IdRow> chunk(long from, long to, int limit) {
        reads.add(new long[] {from, to});
        return ids.subSet(from, true, to, false).stream()
                .limit(limit)
                .map(id -> new IdRow(id, new Url("/posts/" + id, null)))
                .toList();
    }

    @Test
    void onlyRangesWithARowArePagesAndNoPageHoldsMoreThanTheLimit() {
        ids.addAll(List.of(3L, 49_999L, 50_000L, 250_001L));
        assertThat(SitemapSection.idPages(this::first)).containsExactly("0", "1", "5");
        ids.clear();
        assertThat(SitemapSection.idPages(this::first)).isEmpty();
        for (long id = 1; id <= 120_000; id++) {
            ids.add(id);
        }
        List<String> pages = SitemapSection.idPages(this::first);
        assertThat(pages).containsExactly("0", "1", "2");
        List<String> written = new ArrayList<>();
        SitemapSection.writeIdPage("1", this::chunk, url -> written.add(url.path()));
        assertThat(written).hasSize(SitemapSection.MAX_URLS);
        assertThat(written.get(0)).isEqualTo("/posts/50000");
        assertThat(written.get(written.size() - 1)).isEqualTo("/posts/99999");
        // 50 chunks of 1000, each starting after the last id read, and one that finds nothing more
        assertThat(reads).hasSize(51);
        assertThat(reads.get(1)).containsExactly(51_000L, 100_000L);
    }

    @Test
    void aPageKeyIsAShortNumber() {
        assertThat(SitemapSection.isIdPage("0")).isTrue();
        assertThat(SitemapSection.isIdPage("1234567890123")).isTrue();
        for (String bad : new String[] {"", "-1", "1e3", "12345678901234", "١", " 1"}) {
            assertThat(SitemapSection.isIdPage(bad)).as(bad).isFalse();
        }
    }
}
