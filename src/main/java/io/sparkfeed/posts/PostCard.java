package io.sparkfeed.posts;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.media.StoredImage;
import java.time.Instant;
import java.util.List;

/**
 * A post as a feed card or its page shows it: the photo, its author with badges, the tagged products (with their
 * hotspot positions), disclosure and counts. {@code smiledByViewer} is false for visitors.
 */
public record PostCard(
        long id,
        Author author,
        StoredImage image,
        String altText,
        String caption,
        Disclosure disclosure,
        String disclosureBrand,
        int smileCount,
        int commentCount,
        List<TaggedProduct> tags,
        Instant createdAt,
        boolean smiledByViewer,
        boolean hidden,
        String hiddenReason,
        List<Integer> interestIds,
        boolean followingAuthor,
        int saveCount,
        boolean savedByViewer) {

    /** The author as shown on a card. */
    public record Author(
            long id, String handle, String displayName, AccountKind kind, boolean enthusiast, boolean prime) {}

    public SmileState smileState() {
        return new SmileState(id, smiledByViewer, smileCount);
    }

    /** The Save button of the card: saved by the reader or not, and by how many accounts. */
    public SaveState saveState() {
        return new SaveState(id, savedByViewer, saveCount);
    }

    public boolean disclosed() {
        return disclosure != Disclosure.NONE;
    }

    public List<Hashtags.Part> captionParts() {
        return Hashtags.parts(caption);
    }

    /** The first lines of the caption for a card: at most 140 characters, cut at a word. */
    public String excerpt() {
        if (caption.length() <= 140) {
            return caption;
        }
        int cut = caption.lastIndexOf(' ', 140);
        return caption.substring(0, cut > 80 ? cut : 140) + "…";
    }

    public List<Hashtags.Part> excerptParts() {
        return Hashtags.parts(excerpt());
    }
}
