/**
 * Shoppable photo posts: the posting policy, product tags on the photo, hashtags, disclosures, smiles and
 * comments, and the post cards every feed is made of ({@link io.sparkfeed.posts.PostCards}).
 */
@ApplicationModule(displayName = "Posts")
package io.sparkfeed.posts;

import org.springframework.modulith.ApplicationModule;
