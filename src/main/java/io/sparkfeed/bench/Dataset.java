package io.sparkfeed.bench;

/**
 * What {@link DatasetGenerator#generate(int)} loaded: the sizes, and the first and last generated ids of accounts
 * ({@code user1} is {@code firstAccountId}), posts and products.
 */
public record Dataset(
        int posts,
        int accounts,
        int products,
        long firstAccountId,
        long lastAccountId,
        long firstPostId,
        long lastPostId,
        long firstProductId,
        long lastProductId) {

    /** The password of every generated account ({@code user1} to {@code userN}, or their email addresses). */
    public static final String PASSWORD = "sparkfeed-bench";

    /** A hashtag on exactly ten posts (for any size of at least 10 posts multiple of ten). */
    public static final String RARE_TAG = "raretag";

    /** A caption word on ten posts. */
    public static final String RARE_WORD = "quokka";

    /** A hashtag on about one post in six. */
    public static final String COMMON_TAG = "cozy";

    /** A word in the captions or product titles of about one post in six. */
    public static final String COMMON_WORD = "lamp";

    /** Accounts generated for a number of posts: one for every ten posts, at least 100. */
    public static int accountsFor(int posts) {
        return Math.max(100, posts / 10);
    }

    /** Products generated for a number of posts: one for every hundred posts, at least 100 and at most 3000. */
    public static int productsFor(int posts) {
        return Math.max(100, Math.min(3000, posts / 100));
    }
}
