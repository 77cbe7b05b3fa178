package io.sparkfeed.posts;

/**
 * Why a For you card is there, read with its keys: an author the viewer follows ({@code interestId} null), or one of
 * the viewer's interests, and then whether it is popular with people who chose that interest (at least
 * {@link #POPULAR_SMILES} of them smiled at it). The viewer's own state: shown beside the card, never in it.
 */
public record WhyShown(Integer interestId, boolean popular) {

    /** How many smiles from people with the interest make a post "popular with people who like" it (in PostCards' SQL). */
    public static final int POPULAR_SMILES = 3;

    public boolean followed() {
        return interestId == null;
    }
}
