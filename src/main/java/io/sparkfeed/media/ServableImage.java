package io.sparkfeed.media;

/**
 * An image as {@code /media} serves it, with where it is shown: public while something anyone may see shows it;
 * otherwise withheld, and then only the accounts of {@link Showing#privately()} and admins may see it.
 */
public record ServableImage(StoredImage image, Showing showing) {

    public boolean withheld() {
        return !showing.publicly();
    }

    public boolean maySee(long accountId) {
        return showing.privately().contains(accountId);
    }
}
