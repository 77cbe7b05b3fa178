package io.sparkfeed.posts.web;

import io.sparkfeed.platform.StrictNumbers;
import io.sparkfeed.posts.Disclosure;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostContent;
import io.sparkfeed.posts.PostRejectedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The post form: alt text, caption, disclosure and up to 10 tag rows (product, x, y). Tag rows arrive as three
 * parallel lists so the form works without JavaScript; a row without a product is ignored.
 */
public record PostForm(
        String altText,
        String caption,
        Disclosure disclosure,
        String disclosureBrand,
        List<String> tagProduct,
        List<String> tagX,
        List<String> tagY,
        List<Integer> interests) {

    static final int ROWS = PostContent.MAX_TAGS;

    static PostForm empty() {
        return new PostForm("", "", Disclosure.NONE, "", List.of(), List.of(), List.of(), List.of());
    }

    static PostForm of(PostCard post) {
        List<String> products = new ArrayList<>();
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        post.tags().forEach(t -> {
            products.add(String.valueOf(t.product().id()));
            xs.add(t.x().toPlainString());
            ys.add(t.y().toPlainString());
        });
        return new PostForm(
                post.altText(),
                post.caption(),
                post.disclosure(),
                post.disclosureBrand() == null ? "" : post.disclosureBrand(),
                products,
                xs,
                ys,
                post.interestIds());
    }

    /** The value of row {@code i} of a list, or "" (templates render all rows). */
    String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }

    public boolean hasInterest(int id) {
        return interests != null && interests.contains(id);
    }

    public String product(int i) {
        return at(tagProduct, i);
    }

    public String x(int i) {
        return at(tagX, i);
    }

    public String y(int i) {
        return at(tagY, i);
    }

    /** The checked-by-the-service content; a row with a product but an unreadable point is refused here. */
    PostContent content() {
        List<PostContent.Tag> tags = new ArrayList<>();
        int rows = tagProduct == null ? 0 : tagProduct.size();
        for (int i = 0; i < rows; i++) {
            String product = product(i).strip();
            if (product.isEmpty()) {
                continue;
            }
            if (tags.size() == PostContent.MAX_TAGS) {
                throw new PostRejectedException("tags", "post.tags.tooMany", PostContent.MAX_TAGS);
            }
            long productId = StrictNumbers.parseLong(product)
                    .orElseThrow(() -> new PostRejectedException("tags", "post.tags.unknownProduct"));
            tags.add(new PostContent.Tag(productId, point(x(i)), point(y(i))));
        }
        return new PostContent(
                altText, caption, disclosure, disclosureBrand, tags, interests == null ? List.of() : interests);
    }

    /**
     * A point on the photo, a fraction from 0 to 1 as the form writes it (at most 6 decimals); read strictly, so that
     * no exponent or endless digits reach the arithmetic.
     */
    private static BigDecimal point(String text) {
        return StrictNumbers.parseDecimal(text.strip(), 1, 6)
                .orElseThrow(() -> new PostRejectedException("tags", "post.tags.position"));
    }
}
