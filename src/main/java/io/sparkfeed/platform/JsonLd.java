package io.sparkfeed.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured data for search engines (schema.org in JSON-LD), written by Jackson from maps, never by putting
 * strings together. The result goes into a {@code <script type="application/ld+json">} data block, which the browser
 * never runs (so the CSP's {@code script-src 'self'} need not allow it), as raw text: {@code <}, {@code >} and
 * {@code &} are written as JSON escapes ({@code \u003c}), so no caption can close the element
 * ({@code </script>}) or open a comment, and the JSON still reads the same.
 */
public final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLd() {}

    /** The data block's text for one or more schema.org items (a graph when several). */
    public static String script(List<Map<String, Object>> items) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", "https://schema.org");
        if (items.size() == 1) {
            document.putAll(items.get(0));
        } else {
            document.put("@graph", items);
        }
        return JSON.writeValueAsString(document)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }

    /** A schema.org item of a type, with its properties in order; null values are left out. */
    public static Map<String, Object> item(String type, Object... namesAndValues) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("@type", type);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                item.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return item;
    }

    /** An offer for a product's page: its price as a plain decimal, the currency, and whether it can be bought. */
    public static Map<String, Object> offer(
            String url, BigDecimal price, String currency, boolean active, boolean inStock) {
        String availability = !active ? "Discontinued" : inStock ? "InStock" : "OutOfStock";
        return item(
                "Offer",
                "url",
                url,
                "price",
                price.toPlainString(),
                "priceCurrency",
                currency,
                "availability",
                "https://schema.org/" + availability);
    }

    /** A trail of pages from the front page, as name and absolute URL pairs. */
    public static Map<String, Object> breadcrumbs(String... namesAndUrls) {
        List<Map<String, Object>> elements = new ArrayList<>();
        for (int i = 0; i < namesAndUrls.length; i += 2) {
            elements.add(item("ListItem", "position", i / 2 + 1, "name", namesAndUrls[i], "item", namesAndUrls[i + 1]));
        }
        return item("BreadcrumbList", "itemListElement", elements);
    }
}
