package io.sparkfeed.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/** Event listeners marked as application-module listeners run after commit on Boot's task executor. */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfig {}
