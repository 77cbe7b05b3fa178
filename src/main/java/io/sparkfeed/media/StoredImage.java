package io.sparkfeed.media;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An image as pages use it: its content key, the size of the (upright) original, and the widths its JPEG
 * derivatives were made at, smallest first.
 */
public record StoredImage(String key, int width, int height, List<Integer> widths) {

    static final Pattern KEY = Pattern.compile("[0-9a-f]{16,64}");

    public StoredImage {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an image key: " + key);
        }
        if (widths == null || widths.isEmpty()) {
            throw new IllegalArgumentException("an image has at least one derivative");
        }
        widths = widths.stream().sorted().distinct().toList();
    }

    /** The smallest derivative at least {@code width} wide, or the largest there is: never a blurry upscale. */
    public String url(int width) {
        int chosen = widths.stream().filter(w -> w >= width).findFirst().orElse(largestWidth());
        return path(chosen);
    }

    /** For {@code <img srcset>}: every derivative with its width, so the browser picks one for the layout. */
    public String srcset() {
        return widths.stream().map(w -> path(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    public String largestUrl() {
        return path(largestWidth());
    }

    private int largestWidth() {
        return widths.get(widths.size() - 1);
    }

    private String path(int width) {
        return "/media/" + key + "/" + width + ".jpg";
    }
}
