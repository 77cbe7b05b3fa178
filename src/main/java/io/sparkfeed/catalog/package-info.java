/**
 * The catalog: products (title, brand, price, stock, images) people tag on photos and buy. Other modules read
 * products through {@link io.sparkfeed.catalog.Catalog} and change stock only through its atomic operations.
 */
@ApplicationModule(displayName = "Catalog")
package io.sparkfeed.catalog;

import org.springframework.modulith.ApplicationModule;
