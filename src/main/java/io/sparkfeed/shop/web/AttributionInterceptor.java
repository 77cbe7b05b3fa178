package io.sparkfeed.shop.web;

import io.sparkfeed.feed.Search;
import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostPage;
import io.sparkfeed.shop.PostStats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Counts, once a page handler returned its model, a view for every post card on it (one in-memory call per page, no
 * SQL): a feed's {@code page}, the search's {@code results}, or the post of a post page. Counts a product-card open
 * when a product page was opened from a post's hotspot ({@code /products/{id}?from={postId}}); whether the post tags
 * that product is checked when the counts are written.
 */
class AttributionInterceptor implements HandlerInterceptor {

    private static final Pattern PRODUCT_PAGE = Pattern.compile("/products/(\\d{1,18})");

    private final PostStats stats;

    AttributionInterceptor(PostStats stats) {
        this.stats = stats;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null || !"GET".equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        List<PostCard> shown = List.of();
        if (mav.getModel().get("page") instanceof PostPage posts) {
            shown = posts.posts();
        } else if (mav.getModel().get("results") instanceof Search.Results results) {
            shown = results.posts();
        } else if (mav.getModel().get("post") instanceof PostCard post && "posts/show".equals(mav.getViewName())) {
            shown = List.of(post);
        }
        if (!shown.isEmpty()) {
            stats.viewed(shown.stream().map(PostCard::id).toList());
        }
        Long from = PostIds.parse(request.getParameter("from"));
        Matcher product = PRODUCT_PAGE.matcher(request.getRequestURI());
        if (from != null && product.matches()) {
            stats.cardOpened(from, Long.parseLong(product.group(1)));
        }
    }
}
