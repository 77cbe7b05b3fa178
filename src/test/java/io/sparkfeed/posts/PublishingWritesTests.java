package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing writes the post's row a bounded number of times, whatever the number of its tags and hashtags: the
 * search text is rebuilt once, at commit, not after every child row.
 */
class PublishingWritesTests extends IntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    PlatformTransactionManager transactions;

    /** Row writes to {@code posts} by one publish: its inserts and updates, counted inside its transaction. */
    private record Writes(long postId, long inserted, long updated) {}

    private Writes publish(TestAccount author, String caption, List<Long> products) {
        List<PostContent.Tag> tags = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            tags.add(new PostContent.Tag(
                    products.get(i),
                    new BigDecimal("0.05").multiply(BigDecimal.valueOf(i + 1)),
                    new BigDecimal("0.5")));
        }
        var content = new PostContent("A photo", caption, Disclosure.NONE, null, tags, List.of(1, 2, 3));
        return new TransactionTemplate(transactions).execute(status -> {
            // the counters of this connection may still hold earlier transactions' counts: take the difference
            Writes before = counters(0);
            long id = posts.publish(author.id(), content, Fixtures.jpeg(300, 300, (int) author.id()));
            // the search text is rebuilt by deferred triggers: run them now, inside this transaction, to count them
            jdbc.sql("set constraints all immediate").update();
            Writes after = counters(id);
            return new Writes(id, after.inserted() - before.inserted(), after.updated() - before.updated());
        });
    }

    private Writes counters(long postId) {
        return jdbc.sql("""
                        select pg_stat_get_xact_tuples_inserted('posts'::regclass),
                               pg_stat_get_xact_tuples_updated('posts'::regclass)""")
                .query((rs, n) -> new Writes(postId, rs.getLong(1), rs.getLong(2)))
                .single();
    }

    @Test
    void aPostWithTenTagsAndThirtyHashtagsWritesItsRowAsOftenAsABarePost() throws Exception {
        var author = fixtures.primeMember();
        Writes bare = publish(author, "Nothing tagged", List.of());

        List<Long> products = IntStream.range(0, PostContent.MAX_TAGS)
                .mapToObj(fixtures::product)
                .map(Long::valueOf)
                .toList();
        String marker = "wr" + author.id();
        String hashtags =
                IntStream.range(0, 30).mapToObj(i -> "#" + marker + "x" + i).collect(Collectors.joining(" "));
        Writes full = publish(author, "Everything tagged " + hashtags, products);

        assertThat(count("select count(*) from post_hashtags where post_id = ?", full.postId()))
                .isEqualTo(30);
        assertThat(count("select count(*) from post_tags where post_id = ?", full.postId()))
                .isEqualTo(10);
        assertThat(full.inserted()).isEqualTo(1);
        // the insert, then one refresh of the search text: not one more per tag and hashtag
        assertThat(full.updated()).isEqualTo(bare.updated()).isLessThanOrEqualTo(1);

        // and the search text still covers every hashtag and every tagged product
        String page = mvc.perform(get("/search").param("q", marker + "x29"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(page).select("article.post-card").eachAttr("id"))
                .containsExactly("post-" + full.postId());
        String title = jdbc.sql("select title from products where id = ?")
                .param(products.get(9))
                .query(String.class)
                .single();
        assertThat(jdbc.sql("select search @@ plainto_tsquery('sparkfeed_simple', ?) from posts where id = ?")
                        .params(title, full.postId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
