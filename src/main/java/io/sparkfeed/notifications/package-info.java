/**
 * Notifications: an author hears when someone smiles, comments, follows them or buys from their post, and what
 * moderation decided about their content or enthusiast application (with the reason). Written by
 * listeners after the action commits, so a smile never waits on notification code.
 */
@ApplicationModule(displayName = "Notifications")
package io.sparkfeed.notifications;

import org.springframework.modulith.ApplicationModule;
