package io.sparkfeed.collections;

/** What is saved: a post or a product. */
public record SaveTarget(Long postId, Long productId) {

    public SaveTarget {
        if ((postId == null) == (productId == null)) {
            throw new IllegalArgumentException("a post or a product");
        }
    }

    public static SaveTarget post(long id) {
        return new SaveTarget(id, null);
    }

    public static SaveTarget product(long id) {
        return new SaveTarget(null, id);
    }

    public boolean isPost() {
        return postId != null;
    }
}
