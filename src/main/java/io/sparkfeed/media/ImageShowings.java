package io.sparkfeed.media;

/**
 * Implemented by each module that puts images on pages (posts, products): where an image is shown. {@code /media}
 * serves an image publicly only while some implementation says something anyone may see shows it; otherwise only
 * to the accounts they name (the author of a hidden post) and to admins. Computed from the references on every
 * request, so no flag can be left behind by a takedown, a restore or a delete racing each other.
 */
public interface ImageShowings {

    /** Where the module shows the image with this key (a key that passed {@link StoredImage}'s pattern). */
    Showing showing(String key);
}
