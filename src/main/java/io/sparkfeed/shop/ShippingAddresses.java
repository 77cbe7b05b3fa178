package io.sparkfeed.shop;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The shipping address an account last ordered to, offered again at its next checkout. */
@Service
public class ShippingAddresses {

    private final JdbcClient jdbc;
    private final Clock clock;

    ShippingAddresses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account's saved shipping address, if it has one. */
    @Transactional(readOnly = true)
    public Optional<ShippingAddress> of(long accountId) {
        return jdbc.sql("""
                        select name, line1, line2, city, postcode, country from shipping_addresses
                        where account_id = ?""")
                .param(accountId)
                .query((rs, n) -> new ShippingAddress(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    /** Keeps the address an order went to, replacing the one before. */
    @Transactional
    public void save(long accountId, ShippingAddress a) {
        jdbc.sql("""
                        insert into shipping_addresses (account_id, name, line1, line2, city, postcode, country,
                                                        updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (account_id) do update set name = excluded.name, line1 = excluded.line1,
                            line2 = excluded.line2, city = excluded.city, postcode = excluded.postcode,
                            country = excluded.country, updated_at = excluded.updated_at""")
                .params(
                        accountId,
                        a.name(),
                        a.line1(),
                        a.line2() == null ? "" : a.line2(),
                        a.city(),
                        a.postcode(),
                        a.country(),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
