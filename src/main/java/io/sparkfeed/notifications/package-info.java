/**
 * Notifications: an author hears when someone smiles, comments, follows them or buys from their post. Written by
 * listeners after the action commits, so a smile never waits on notification code.
 */
@ApplicationModule(displayName = "Notifications")
package io.sparkfeed.notifications;

import org.springframework.modulith.ApplicationModule;
