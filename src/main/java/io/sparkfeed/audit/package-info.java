/** The append-only trail of admin actions: who did what to which target, when and why. */
@ApplicationModule(displayName = "Audit")
package io.sparkfeed.audit;

import org.springframework.modulith.ApplicationModule;
