/** The feeds people browse: the public feed, and from the discovery work on, the personal ones. */
@ApplicationModule(displayName = "Feed")
package io.sparkfeed.feed;

import org.springframework.modulith.ApplicationModule;
