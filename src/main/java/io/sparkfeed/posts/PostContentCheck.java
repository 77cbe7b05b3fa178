package io.sparkfeed.posts;

import io.sparkfeed.accounts.Interests;
import io.sparkfeed.catalog.Catalog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks a post's content before it is published or edited: alt text, caption and its hashtags, disclosure, tags
 * on active products at positions inside the photo, and known interests. Returns the content as it is kept
 * (stripped, positions rounded); refuses with the field and the reason.
 */
@Component
class PostContentCheck {

    private final Catalog catalog;
    private final Interests interests;

    PostContentCheck(Catalog catalog, Interests interests) {
        this.catalog = catalog;
        this.interests = interests;
    }

    PostContent check(PostContent content) {
        String alt = content.altText() == null ? "" : content.altText().strip();
        if (alt.isEmpty()) {
            throw new PostRejectedException("altText", "post.alt.required");
        }
        if (alt.length() > PostContent.MAX_ALT) {
            throw new PostRejectedException("altText", "post.alt.tooLong", PostContent.MAX_ALT);
        }
        String caption = content.caption() == null ? "" : content.caption().strip();
        if (caption.length() > PostContent.MAX_CAPTION) {
            throw new PostRejectedException("caption", "post.caption.tooLong", PostContent.MAX_CAPTION);
        }
        if (Hashtags.count(caption, PostContent.MAX_HASHTAGS + 1) > PostContent.MAX_HASHTAGS) {
            throw new PostRejectedException("caption", "post.hashtags.tooMany", PostContent.MAX_HASHTAGS);
        }
        Disclosure disclosure = content.disclosure() == null ? Disclosure.NONE : content.disclosure();
        String brand = content.disclosureBrand() == null
                ? ""
                : content.disclosureBrand().strip();
        if (disclosure != Disclosure.NONE && brand.isEmpty()) {
            throw new PostRejectedException("disclosureBrand", "post.disclosure.brandRequired");
        }
        if (brand.length() > 80) {
            throw new PostRejectedException("disclosureBrand", "post.disclosure.brandTooLong");
        }
        List<PostContent.Tag> tags = content.tags() == null ? List.of() : content.tags();
        if (tags.size() > PostContent.MAX_TAGS) {
            throw new PostRejectedException("tags", "post.tags.tooMany", PostContent.MAX_TAGS);
        }
        for (PostContent.Tag tag : tags) {
            if (!fraction(tag.x()) || !fraction(tag.y())) {
                throw new PostRejectedException("tags", "post.tags.position");
            }
        }
        Set<Long> ids = tags.stream().map(PostContent.Tag::productId).collect(Collectors.toSet());
        if (!catalog.existingActive(ids).containsAll(ids)) {
            throw new PostRejectedException("tags", "post.tags.unknownProduct");
        }
        List<PostContent.Tag> rounded = tags.stream()
                .map(t -> new PostContent.Tag(
                        t.productId(),
                        t.x().setScale(4, RoundingMode.HALF_UP),
                        t.y().setScale(4, RoundingMode.HALF_UP)))
                .toList();
        List<Integer> chosen = content.interestIds() == null
                ? List.of()
                : content.interestIds().stream().distinct().toList();
        if (chosen.isEmpty()) {
            throw new PostRejectedException("interests", "post.interests.required");
        }
        if (chosen.size() > PostContent.MAX_INTERESTS) {
            throw new PostRejectedException("interests", "post.interests.tooMany", PostContent.MAX_INTERESTS);
        }
        if (!interests.allExist(chosen)) {
            throw new PostRejectedException("interests", "post.interests.unknown");
        }
        return new PostContent(alt, caption, disclosure, disclosure == Disclosure.NONE ? null : brand, rounded, chosen);
    }

    private static boolean fraction(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }
}
