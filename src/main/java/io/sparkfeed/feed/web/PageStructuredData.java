package io.sparkfeed.feed.web;

import io.sparkfeed.accounts.AccountSummary;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.platform.JsonLd;
import java.util.List;

/** The structured data of a product page ({@code Product} with its {@code Offer}) and a profile ({@code ProfilePage}). */
final class PageStructuredData {

    private PageStructuredData() {}

    /** {@code home}: the front page's name in the breadcrumbs, in the reader's language. */
    static String product(ProductView product, String base, String home) {
        String url = base + "/products/" + product.id();
        var item = JsonLd.item(
                "Product",
                "@id",
                url,
                "name",
                product.title(),
                "brand",
                JsonLd.item("Brand", "name", product.brand()),
                "description",
                product.description().isBlank() ? null : product.description(),
                "category",
                product.category(),
                "sku",
                Long.toString(product.id()),
                "url",
                url,
                "image",
                product.images().isEmpty()
                        ? null
                        : product.images().stream()
                                .map(i -> base + i.largestUrl())
                                .toList(),
                "offers",
                JsonLd.offer(url, product.price(), product.currency(), product.active(), product.stock() > 0));
        return JsonLd.script(List.of(item, JsonLd.breadcrumbs(home, base + "/", product.title(), url)));
    }

    static String profile(AccountSummary account, String base, String home) {
        String url = base + "/@" + account.handle();
        var page = JsonLd.item(
                "ProfilePage",
                "@id",
                url,
                "url",
                url,
                "mainEntity",
                JsonLd.item(
                        account.brand() ? "Organization" : "Person",
                        "name",
                        account.displayName(),
                        "alternateName",
                        "@" + account.handle(),
                        "identifier",
                        Long.toString(account.id()),
                        "url",
                        url));
        return JsonLd.script(List.of(page, JsonLd.breadcrumbs(home, base + "/", account.displayName(), url)));
    }
}
