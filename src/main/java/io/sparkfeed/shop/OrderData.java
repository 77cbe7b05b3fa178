package io.sparkfeed.shop;

import io.sparkfeed.accounts.PersonalData;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shop's part of a person's data: one's orders with their lines, prices as paid and where they were shipped.
 * Erasing keeps the orders (and so their invoices) for accounting, without the name and address they were shipped
 * to, and deletes the saved address and the cart.
 */
@Component
class OrderData implements PersonalData {

    record Line(String title, BigDecimal price, int quantity, Long fromPostId) {}

    record Order(
            long id,
            String status,
            BigDecimal total,
            String currency,
            Instant createdAt,
            String shippedTo,
            List<Line> lines) {}

    private final JdbcClient jdbc;

    OrderData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void export(long accountId, Sink out) throws IOException {
        Map<Long, Order> orders = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, status, total, currency, created_at,
                               concat_ws(', ', ship_name, ship_line1, nullif(ship_line2, ''), ship_postcode, ship_city,
                                         ship_country)
                        from orders where account_id = ? order by created_at, id""")
                .param(accountId)
                .query((rs, row) -> new Order(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        new ArrayList<>()))
                .list()
                .forEach(order -> orders.put(order.id(), order));
        jdbc.sql("""
                        select l.order_id, l.title, l.price, l.quantity, l.post_id
                        from order_lines l join orders o on o.id = l.order_id
                        where o.account_id = ? order by l.order_id, l.position""")
                .param(accountId)
                .query((rs, row) -> {
                    orders.get(rs.getLong(1))
                            .lines()
                            .add(new Line(rs.getString(2), rs.getBigDecimal(3), rs.getInt(4), (Long) rs.getObject(5)));
                    return null;
                })
                .list();
        out.json("orders", List.copyOf(orders.values()));
    }

    @Override
    public void erase(long accountId) {
        jdbc.sql("""
                        update orders set ship_name = '', ship_line1 = '', ship_line2 = '', ship_city = '',
                                          ship_postcode = '', ship_country = ''
                        where account_id = ?""").param(accountId).update();
        jdbc.sql("delete from shipping_addresses where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from cart_lines where account_id = ?").param(accountId).update();
    }
}
