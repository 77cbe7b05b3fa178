/**
 * The shop: carts, one-click buy, orders with the prices as paid, stock taken atomically, and the attribution of
 * views, product-card opens and orders to the posts that led to them. Nothing depends on the shop except through
 * {@link io.sparkfeed.posts.SpendingLedger}, which it implements.
 */
@ApplicationModule(
        displayName = "Shop",
        allowedDependencies = {"accounts", "billing", "catalog", "posts", "feed", "platform", "audit", "collections"})
package io.sparkfeed.shop;

import org.springframework.modulith.ApplicationModule;
