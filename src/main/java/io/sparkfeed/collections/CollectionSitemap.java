package io.sparkfeed.collections;

import io.sparkfeed.platform.IdSitemapSection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every public collection's page, by id; a private one, or one whose owner is suspended, never. */
@Component
class CollectionSitemap extends IdSitemapSection {

    private static final String LISTED = " c.public and not exists (select 1 from account_names a"
            + " where a.id = c.owner_id and a.suspended_at is not null)";

    CollectionSitemap(JdbcClient jdbc) {
        super(
                jdbc,
                "collections",
                "select c.id from collections c where" + LISTED + " and c.id >= :from order by c.id limit 1",
                "select c.id, c.updated_at from collections c where" + LISTED
                        + " and c.id >= :from and c.id < :to order by c.id limit :limit");
    }

    @Override
    protected Url url(ResultSet row) throws SQLException {
        return new Url("/collections/" + row.getLong(1), row.getTimestamp(2).toInstant());
    }
}
