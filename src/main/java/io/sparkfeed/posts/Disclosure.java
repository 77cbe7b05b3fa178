package io.sparkfeed.posts;

/** Whether a post was paid for or gifted by a brand; anything but NONE is shown above the caption and on the photo. */
public enum Disclosure {
    NONE,
    PAID,
    GIFTED
}
