/**
 * Demo data: a first start of a fresh instance loads accounts of every role, products and posts, once.
 * Off with {@code sparkfeed.demo-data.enabled=false} and in the prod profile.
 */
@ApplicationModule(displayName = "Demo data")
package io.sparkfeed.demo;

import org.springframework.modulith.ApplicationModule;
