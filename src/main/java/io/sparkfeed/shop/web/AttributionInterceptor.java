package io.sparkfeed.shop.web;

import io.sparkfeed.posts.PostCard;
import io.sparkfeed.posts.PostPage;
import io.sparkfeed.shop.PostStats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Counts, once a page handler returned its model, a view for every post card on it (one in-memory call per page, no SQL) and a
 * product-card open when a product page was opened from a post's hotspot ({@code /products/{id}?from={postId}}).
 */
class AttributionInterceptor implements HandlerInterceptor {

    private static final Pattern PRODUCT_PAGE = Pattern.compile("/products/\\d+");

    private final PostStats stats;

    AttributionInterceptor(PostStats stats) {
        this.stats = stats;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView mav) {
        if (mav == null || !"GET".equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        Object page = mav.getModel().get("page");
        if (page instanceof PostPage posts && !posts.posts().isEmpty()) {
            stats.viewed(posts.posts().stream().map(PostCard::id).toList());
        } else if (mav.getModel().get("post") instanceof PostCard post && "posts/show".equals(mav.getViewName())) {
            stats.viewed(List.of(post.id()));
        }
        Long from = PostIds.parse(request.getParameter("from"));
        if (from != null && PRODUCT_PAGE.matcher(request.getRequestURI()).matches()) {
            stats.cardOpened(from);
        }
    }
}
