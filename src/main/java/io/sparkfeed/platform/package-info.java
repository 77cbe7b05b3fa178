/**
 * Shared infrastructure every module may use: security, web configuration, errors, the clock,
 * and the embedded PostgreSQL used when no datasource is configured.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.sparkfeed.platform;

import org.springframework.modulith.ApplicationModule;
