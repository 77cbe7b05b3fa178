package io.sparkfeed.posts;

import java.math.BigDecimal;
import java.util.List;

/** The editable part of a post: alt text, caption, disclosure, product tags and one to three interests. */
public record PostContent(
        String altText,
        String caption,
        Disclosure disclosure,
        String disclosureBrand,
        List<Tag> tags,
        List<Integer> interestIds) {

    public static final int MAX_INTERESTS = 3;

    public static final int MAX_CAPTION = 2200;
    public static final int MAX_ALT = 300;
    public static final int MAX_TAGS = 10;
    /** Distinct #hashtags in a caption: each is a row to write and index. */
    public static final int MAX_HASHTAGS = 30;

    /** A product at a point of the photo; x and y are fractions 0..1 of its width and height. */
    public record Tag(long productId, BigDecimal x, BigDecimal y) {}
}
