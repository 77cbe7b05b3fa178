package io.sparkfeed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.billing.Invoices;
import io.sparkfeed.shop.Orders;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tag shows "Bought here" when the post's author bought the product through Sparkfeed: a paid order, neither
 * cancelled nor expired. Not while the order is unpaid, not for someone else's purchase, and no longer once the
 * order is cancelled.
 */
class OwnerBadgeTests extends IntegrationTest {

    @Autowired
    Orders orders;

    @Autowired
    Invoices invoices;

    /** The titles of the tags that say "Bought here" on the post's page. */
    private List<String> boughtHere(long postId, TestAccount reader) throws Exception {
        Document page = page(get("/posts/" + postId).with(reader.login()));
        return page.select(".tagged-list li").stream()
                .filter(li -> li.selectFirst(".badge-owner") != null)
                .map(li -> li.selectFirst("a").text())
                .toList();
    }

    private void pay(TestAccount buyer, long orderId) {
        String reference = orders.get(buyer.id(), orderId).paymentReference();
        invoices.markPaid(fixtures.admin().id(), invoices.find(reference).orElseThrow(), null);
    }

    private String title(long productId) {
        return jdbc.sql("select title from products where id = ?")
                .param(productId)
                .query(String.class)
                .single();
    }

    @Test
    void onlyAPaidOrderByTheAuthorShowsBoughtHereUntilItIsCancelled() throws Exception {
        var author = fixtures.primeMember();
        var stranger = fixtures.primeMember();
        var reader = fixtures.person();
        long lamp = fixtures.product(5);
        long rug = fixtures.product(6);
        long before = fixtures.post(author, "lamp and rug", lamp, rug);
        assertThat(boughtHere(before, reader)).isEmpty();

        // ordered by invoice, not paid yet: no badge
        long order = fixtures.order(author.id(), lamp, 1, null);
        assertThat(boughtHere(before, reader)).isEmpty();
        // someone else's paid purchase says nothing about the author
        pay(stranger, fixtures.order(stranger.id(), rug, 1, before));
        assertThat(boughtHere(before, reader)).isEmpty();

        // paid: the author's existing post says so on the lamp only, in the card's hotspot too
        pay(author, order);
        assertThat(boughtHere(before, reader)).containsExactly(title(lamp));
        Document profile = page(get("/@" + author.handle()).with(reader.login()));
        assertThat(profile.select("#post-" + before + " .hotspot-card .badge-owner")
                        .eachText())
                .containsExactly("Bought here");
        // and a post published afterwards says so at once
        long after = fixtures.post(author, "the lamp again", rug, lamp);
        assertThat(boughtHere(after, reader)).containsExactly(title(lamp));

        // the paid order cancelled: the badge goes from every post
        orders.cancel(author.id(), order);
        assertThat(boughtHere(before, reader)).isEmpty();
        assertThat(boughtHere(after, reader)).isEmpty();
    }
}
