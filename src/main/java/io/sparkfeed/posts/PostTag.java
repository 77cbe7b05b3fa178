package io.sparkfeed.posts;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A product tagged at a point of the photo (fractions of its width and height). */
@Embeddable
class PostTag {

    private Long productId;
    private BigDecimal x;
    private BigDecimal y;

    protected PostTag() {}

    PostTag(long productId, BigDecimal x, BigDecimal y) {
        this.productId = productId;
        this.x = x;
        this.y = y;
    }
}
