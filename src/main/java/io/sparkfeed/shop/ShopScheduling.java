package io.sparkfeed.shop;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that flushes the post statistics buffered in memory. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ShopScheduling {
}
