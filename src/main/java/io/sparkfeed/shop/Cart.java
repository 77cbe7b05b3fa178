package io.sparkfeed.shop;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductCard;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in account's cart. A line remembers the post whose hotspot led to the product, so that the order
 * placed from the cart credits it; the same product from two posts stays two lines.
 */
@Service
public class Cart {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final PostCredits credits;

    Cart(JdbcClient jdbc, Catalog catalog, PostCredits credits) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.credits = credits;
    }

    @Transactional
    public void add(long accountId, long productId, int quantity, Long postId) {
        if (quantity < 1 || quantity > OrderPlacement.MAX_QUANTITY) {
            throw new UserFacingException("shop.quantity.invalid");
        }
        if (!catalog.existingActive(List.of(productId)).contains(productId)) {
            throw new NotFoundException("product " + productId);
        }
        Long credited = postId != null && credits.credits(postId, productId) ? postId : null;
        jdbc.sql("""
                        insert into cart_lines (account_id, product_id, quantity, post_id) values (?, ?, ?, ?)
                        on conflict (account_id, product_id, coalesce(post_id, 0))
                        do update set quantity = least(?, cart_lines.quantity + excluded.quantity)""")
                .params(accountId, productId, quantity, credited, OrderPlacement.MAX_QUANTITY)
                .update();
    }

    /** Sets a line's quantity; zero removes it. */
    @Transactional
    public void change(long accountId, long lineId, int quantity) {
        if (quantity <= 0) {
            remove(accountId, lineId);
            return;
        }
        if (quantity > OrderPlacement.MAX_QUANTITY) {
            throw new UserFacingException("shop.quantity.invalid");
        }
        if (jdbc.sql("update cart_lines set quantity = ? where id = ? and account_id = ?")
                        .params(quantity, lineId, accountId)
                        .update()
                == 0) {
            throw new NotFoundException("cart line " + lineId);
        }
    }

    @Transactional
    public void remove(long accountId, long lineId) {
        jdbc.sql("delete from cart_lines where id = ? and account_id = ?")
                .params(lineId, accountId)
                .update();
    }

    /** The cart with today's prices; lines of products that no longer exist are left out. */
    @Transactional(readOnly = true)
    public CartView view(long accountId) {
        record Row(long id, long productId, int quantity, Long postId) {}
        List<Row> rows = jdbc.sql(
                        "select id, product_id, quantity, post_id from cart_lines where account_id = ? order by id")
                .param(accountId)
                .query((rs, n) ->
                        new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), (Long) rs.getObject(4, Long.class)))
                .list();
        Map<Long, ProductCard> products =
                catalog.cards(rows.stream().map(Row::productId).toList());
        List<CartView.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (Row row : rows) {
            ProductCard product = products.get(row.productId());
            if (product != null) {
                CartView.Line line = new CartView.Line(row.id(), product, row.quantity(), row.postId());
                lines.add(line);
                total = total.add(line.lineTotal());
                currency = product.currency();
            }
        }
        return new CartView(lines, total, currency);
    }
}
