package io.sparkfeed.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A part of the sitemap that a module owns (its posts, its products): the module knows which of its pages are public
 * and how to read them from an index. The sitemap index lists every section's pages; each page holds at most
 * {@link #MAX_URLS} addresses and is written as it is read, in small keyset-paged chunks, never built in memory.
 */
public interface SitemapSection {

    /** The sitemaps protocol's limit of addresses per sitemap. */
    int MAX_URLS = 50_000;

    /** Rows read per statement while a page is written. */
    int CHUNK = 1_000;

    /** The section's name in its URL ({@code /sitemap-posts.xml}): lower-case letters. */
    String name();

    /** The keys of the section's pages, in order; none when the section has nothing public. */
    List<String> pages();

    /** Whether a key from a request is one this section could have listed (checked before any query). */
    boolean isPage(String key);

    /** Hands every address of the page to {@code out}, in order. */
    void write(String page, Consumer<Url> out);

    /**
     * One address of a sitemap.
     *
     * @param path the site-relative path, already percent-encoded ({@code /tags/caf%C3%A9})
     * @param lastModified when the page last changed, or null when unknown
     */
    record Url(String path, Instant lastModified) {}

    /**
     * The page keys of a section keyed by ids: page {@code n} holds the ids from {@code n × MAX_URLS} up to the next
     * page's first, so it never has more than {@code MAX_URLS} addresses; only the pages that hold one are listed.
     * One index probe per page (the first listed id at or after a point), never a count or an OFFSET.
     */
    static List<String> idPages(IdProbe firstListedFrom) {
        var pages = new ArrayList<String>();
        Long next = firstListedFrom.firstFrom(0);
        while (next != null) {
            long page = next / MAX_URLS;
            pages.add(Long.toString(page));
            next = firstListedFrom.firstFrom((page + 1) * MAX_URLS);
        }
        return pages;
    }

    /** Whether a key is a page number as {@link #idPages} writes them (at most 13 digits). */
    static boolean isIdPage(String key) {
        return key != null
                && key.length() <= 13
                && !key.isEmpty()
                && key.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Reads an id-keyed page in chunks: {@code chunk} answers up to {@link #CHUNK} rows with ids in [from, to) in id
     * order, and the next chunk starts after the last id read.
     */
    static void writeIdPage(String page, IdChunk chunk, Consumer<Url> out) {
        long from = Long.parseLong(page) * MAX_URLS;
        long to = from + MAX_URLS;
        while (true) {
            List<IdRow> rows = chunk.read(from, to, CHUNK);
            rows.forEach(row -> out.accept(row.url()));
            if (rows.size() < CHUNK) {
                return;
            }
            from = rows.get(rows.size() - 1).id() + 1;
        }
    }

    /** The first listed id at or after {@code from}, or null. */
    @FunctionalInterface
    interface IdProbe {
        Long firstFrom(long from);
    }

    /** Up to {@code limit} listed rows with ids in [from, to), in id order. */
    @FunctionalInterface
    interface IdChunk {
        List<IdRow> read(long from, long to, int limit);
    }

    /** A row of an id-keyed section. */
    record IdRow(long id, Url url) {}
}
