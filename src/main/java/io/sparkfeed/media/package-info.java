/**
 * Images: checks an upload (JPEG, PNG or WebP, decided from its bytes), re-encodes it without metadata into a few
 * JPEG widths, keeps the files in an {@link io.sparkfeed.media.storage.ImageStorage} and serves them under
 * {@code /media/{key}/{width}.jpg}. Other modules use {@link io.sparkfeed.media.Images} and
 * {@link io.sparkfeed.media.StoredImage}, and point at an image by its key. The modules that show images implement
 * {@link io.sparkfeed.media.ImageShowings}: an image nothing visible shows (the photo of a hidden post) is withheld;
 * accounts is used only to know who is asking for a withheld image.
 */
@ApplicationModule(
        displayName = "Media",
        allowedDependencies = {"platform", "accounts"})
package io.sparkfeed.media;

import org.springframework.modulith.ApplicationModule;
