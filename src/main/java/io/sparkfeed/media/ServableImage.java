package io.sparkfeed.media;

/**
 * An image as {@code /media} serves it. {@code withheldFor} is set while the image is withheld (its post was taken
 * down): then only that account (the post's author) and admins may see it.
 */
public record ServableImage(StoredImage image, Long withheldFor) {

    public boolean withheld() {
        return withheldFor != null;
    }
}
