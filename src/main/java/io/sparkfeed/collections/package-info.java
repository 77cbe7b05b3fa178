/**
 * Collections: a person keeps posts and products in "Saved" (made on the first save) and in named collections,
 * private or public (a page, an Atom feed, sitemap entries); and hears when a product they saved drops in price or
 * comes back in stock (who and how much: {@link io.sparkfeed.collections.ProductWatchers}).
 */
@ApplicationModule(
        displayName = "Collections",
        allowedDependencies = {"posts", "catalog", "accounts", "feed", "media", "platform"})
package io.sparkfeed.collections;

import org.springframework.modulith.ApplicationModule;
