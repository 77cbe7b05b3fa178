package io.sparkfeed.collections;

import static io.sparkfeed.support.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Posts;
import io.sparkfeed.posts.SaveState;
import io.sparkfeed.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CollectionTests extends IntegrationTest {

    @Autowired
    Collections collections;

    @Autowired
    Posts posts;

    private int saveCount(long postId) {
        return jdbc.sql("select save_count from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    @Test
    void aSignedInNonMemberSavesIntoSavedMadeOnTheFirstSaveAndTheCardCountsIt() throws Exception {
        var saver = fixtures.person(); // not Prime: saving needs only an account
        long postId = fixtures.post(fixtures.primeMember(), "save me");
        mvc.perform(post("/posts/" + postId + "/save").with(saver.login()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(collections.mine(saver.id())).singleElement().satisfies(c -> {
            assertThat(c.byDefault()).isTrue();
            assertThat(c.itemCount()).isEqualTo(1);
            assertThat(c.shared()).isFalse();
        });
        assertThat(saveCount(postId)).isEqualTo(1);

        Document mine = page(get("/posts/" + postId).with(saver.login()));
        assertThat(mine.select("#save-" + postId + " button[aria-pressed=true] .count")
                        .text())
                .isEqualTo("1");
        Document visitor = page(get("/posts/" + postId));
        assertThat(visitor.select("#save-" + postId + " a[href=/login] .count").text())
                .isEqualTo("1");
    }

    @Test
    void savingTwiceOrInTwoCollectionsCountsOneSaverAndUnsavingTakesItFromEverywhere() throws Exception {
        var saver = fixtures.person();
        long postId = fixtures.post(fixtures.primeMember(), "twice");
        long wishlist = collections.create(saver.id(), "Wishlist", false);
        collections.save(saver.id(), SaveTarget.post(postId), null);
        collections.save(saver.id(), SaveTarget.post(postId), null);
        SaveState state = collections.save(saver.id(), SaveTarget.post(postId), wishlist);
        assertThat(state.saved()).isTrue();
        assertThat(state.count()).isEqualTo(1);

        mvc.perform(post("/posts/" + postId + "/unsave")
                        .header("HX-Request", "true")
                        .with(saver.login())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("aria-pressed=\"false\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))));
        assertThat(saveCount(postId)).isZero();
        assertThat(count("select count(*) from collection_items where owner_id = ?", saver.id()))
                .isZero();
        assertThat(collections.mine(saver.id())).allMatch(c -> c.itemCount() == 0);
    }

    @Test
    void concurrentSavesAndUnsavesKeepTheCountEqualToTheSavers() throws Exception {
        long postId = fixtures.post(fixtures.primeMember(), "busy save");
        var savers = List.of(fixtures.person(), fixtures.person(), fixtures.person());
        List<Callable<SaveState>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var saver = savers.get(i % savers.size());
            boolean save = (i / 3) % 2 == 0;
            calls.add(() -> save
                    ? collections.save(saver.id(), SaveTarget.post(postId), null)
                    : collections.unsave(saver.id(), SaveTarget.post(postId)));
        }
        race(calls, 6);
        assertThat((long) saveCount(postId))
                .isEqualTo(count("select count(distinct owner_id) from collection_items where post_id = ?", postId));
    }

    @Test
    void namesCollectionsAndItemsAreBounded() {
        var saver = fixtures.person();
        assertThatThrownBy(() -> collections.create(saver.id(), " ", false))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("collections.name.invalid");
        assertThatThrownBy(() -> collections.create(saver.id(), "x".repeat(Collections.MAX_NAME + 1), false))
                .hasMessage("collections.name.invalid");
        collections.create(saver.id(), "Kitchen", false);
        assertThatThrownBy(() -> collections.create(saver.id(), "kitchen", true))
                .hasMessage("collections.nameTaken");
        for (int i = 1; i < Collections.MAX_COLLECTIONS; i++) {
            collections.create(saver.id(), "List " + i, false);
        }
        assertThatThrownBy(() -> collections.create(saver.id(), "One too many", false))
                .hasMessage("collections.tooMany");
        assertThat(collections.mine(saver.id())).hasSize(Collections.MAX_COLLECTIONS);

        var full = fixtures.person();
        long listId = collections.create(full.id(), "Full", false);
        jdbc.sql("update collections set item_count = ? where id = ?")
                .params(Collections.MAX_ITEMS, listId)
                .update();
        long product = fixtures.product(1);
        assertThatThrownBy(() -> collections.save(full.id(), SaveTarget.product(product), listId))
                .hasMessage("collections.full");
        assertThat(count("select count(*) from collection_items where collection_id = ?", listId))
                .isZero();
    }

    @Test
    void renamingDeletingAndRemovingWorkOnlyOnOnesOwnCollections() throws Exception {
        var owner = fixtures.person();
        var other = fixtures.person();
        long postId = fixtures.post(fixtures.primeMember(), "keep");
        long listId = collections.create(owner.id(), "Gifts", false);
        collections.save(owner.id(), SaveTarget.post(postId), listId);

        assertThatThrownBy(() -> collections.rename(other.id(), listId, "Mine now"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> collections.delete(other.id(), listId)).isInstanceOf(NotFoundException.class);
        mvc.perform(post("/me/collections/" + listId + "/delete")
                        .with(other.login())
                        .with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/me/collections/" + listId + "/rename")
                        .param("name", "Birthday gifts")
                        .with(owner.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(collections.mine(owner.id()))
                .extracting(CollectionView::name)
                .containsExactly("Birthday gifts");
        assertThat(saveCount(postId)).isEqualTo(1);
        mvc.perform(post("/me/collections/" + listId + "/delete")
                        .with(owner.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(collections.mine(owner.id())).isEmpty();
        assertThat(saveCount(postId)).isZero();
    }

    @Test
    void aPrivateCollectionIsNotFoundForAnyoneButItsOwner() throws Exception {
        var owner = fixtures.person();
        long listId = collections.create(owner.id(), "Secret", false);
        collections.save(owner.id(), SaveTarget.product(fixtures.product(2)), listId);
        mvc.perform(get("/collections/" + listId)).andExpect(status().isNotFound());
        mvc.perform(get("/collections/" + listId).with(fixtures.person().login()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/feeds/collections/" + listId + ".atom")).andExpect(status().isNotFound());
        Document own = page(get("/collections/" + listId).with(owner.login()));
        assertThat(own.select("h1").text()).isEqualTo("Secret");
        assertThat(own.select("link[type=application/atom+xml]")).isEmpty();
    }

    @Test
    void aPublicCollectionHasAPageWithOpenGraphCanonicalAndFeedAndLeavesOutHiddenPostsAndSuspendedAuthors()
            throws Exception {
        var owner = fixtures.person();
        var author = fixtures.primeMember();
        var suspended = fixtures.primeMember();
        long shown = fixtures.post(author, "shown in the collection");
        long hidden = fixtures.post(author, "hidden later");
        long bySuspended = fixtures.post(suspended, "by a suspended author");
        long listId = collections.create(owner.id(), "Cozy <corner>", true);
        for (long p : List.of(shown, hidden, bySuspended)) {
            collections.save(owner.id(), SaveTarget.post(p), listId);
        }
        long product = fixtures.product(3);
        collections.save(owner.id(), SaveTarget.product(product), listId);
        posts.hide(hidden, "spam");
        jdbc.sql("update accounts set suspended_at = now() where id = ?")
                .param(suspended.id())
                .update();

        Document page = page(get("/collections/" + listId));
        assertThat(page.select("h1").text()).isEqualTo("Cozy <corner>");
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("Cozy <corner>");
        assertThat(page.select("meta[property=og:image]").attr("content")).startsWith("http");
        assertThat(page.select("link[rel=canonical]").attr("href")).endsWith("/collections/" + listId);
        assertThat(page.select("link[type=application/atom+xml]").attr("href"))
                .isEqualTo("/feeds/collections/" + listId + ".atom");
        assertThat(page.select("article.post-card").eachAttr("id")).containsExactly("post-" + shown);
        assertThat(page.select(".product-tile a").attr("href")).isEqualTo("/products/" + product);

        var feed = mvc.perform(get("/feeds/collections/" + listId + ".atom"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("shown in the collection")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("hidden later"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("suspended author"))))
                .andReturn()
                .getResponse();
        mvc.perform(get("/feeds/collections/" + listId + ".atom").header("If-None-Match", feed.getHeader("ETag")))
                .andExpect(status().isNotModified());

        mvc.perform(get("/sitemap-collections.xml").param("page", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/collections/" + listId + "<")));
        collections.share(owner.id(), listId, false);
        mvc.perform(get("/sitemap-collections.xml").param("page", "0"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/collections/" + listId + "<"))));
    }

    @Test
    void aCollectionIsKeysetPagedWithinFourStatementsAtAnyDepth() throws Exception {
        var owner = fixtures.person();
        long listId = collections.create(owner.id(), "Many", true);
        var author = fixtures.primeMember();
        for (int i = 0; i < 30; i++) {
            if (i % 3 == 0) {
                author = fixtures.primeMember(); // within the daily posting limit
            }
            long p = fixtures.post(author, "many " + i, fixtures.product(i % 4));
            collections.save(owner.id(), SaveTarget.post(p), listId);
        }
        collections.save(owner.id(), SaveTarget.product(fixtures.product(5)), listId);
        Document first = page(get("/collections/" + listId));
        assertThat(first.select("article.post-card")).hasSize(23);
        String more = first.select(".more a").attr("href");
        assertThat(more).contains("after=");
        Document second = page(get(more));
        assertThat(second.select("article.post-card")).hasSize(7);
        assertThat(second.select(".more a")).isEmpty();

        assertThat(statements(get("/collections/" + listId))).isLessThanOrEqualTo(4);
        assertThat(statements(get(more))).isLessThanOrEqualTo(4);
        assertThat(statements(get("/collections/" + listId).with(owner.login())))
                .isLessThanOrEqualTo(4 + 1);
    }

    @Test
    void saveButtonsNeedAnAccountAndCsrf() throws Exception {
        long postId = fixtures.post(fixtures.primeMember(), "visitors");
        mvc.perform(post("/posts/" + postId + "/save").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(post("/posts/" + postId + "/save").with(fixtures.person().login()))
                .andExpect(status().isForbidden());
        assertThat(saveCount(postId)).isZero();
    }

    @Test
    void aProductPageHasASaveButtonThatWorksWithoutJavaScript() throws Exception {
        var saver = fixtures.person();
        long product = fixtures.product(4);
        Document page = page(get("/products/" + product).with(saver.login()));
        assertThat(page.select("form[action=/products/" + product + "/save] button"))
                .hasSize(1);
        mvc.perform(post("/products/" + product + "/save").with(saver.login()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/products/" + product + "/save-button").with(saver.login()))
                .andExpect(content().string(Matchers.containsString("/products/" + product + "/unsave")));
        assertThat(collections.savedProduct(saver.id(), product)).isTrue();
        Document mine = page(get("/me/collections").with(saver.login()));
        assertThat(mine.select(".collection-list h2 a").text()).isEqualTo("Saved");
    }

    @Test
    void theSaveToPageMakesANewCollectionWithTheItemOrNothingAtAll() throws Exception {
        var saver = fixtures.person();
        long postId = fixtures.post(fixtures.primeMember(), "into a new one");
        Document choose = page(get("/me/collections/save")
                .param("post", String.valueOf(postId))
                .with(saver.login()));
        assertThat(choose.select("form[action=/posts/" + postId + "/save] input[name=newCollection]"))
                .hasSize(1);

        // a name too long: refused with its message, and neither a collection nor a save is left behind
        mvc.perform(post("/posts/" + postId + "/save")
                        .param("newCollection", "x".repeat(Collections.MAX_NAME + 1))
                        .with(saver.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "collections.name.invalid"));
        assertThat(collections.mine(saver.id())).isEmpty();
        assertThat(saveCount(postId)).isZero();

        // a post that cannot be saved (taken down): no empty collection either
        long hidden = fixtures.post(fixtures.primeMember(), "hidden one");
        posts.hide(hidden, "spam");
        mvc.perform(post("/posts/" + hidden + "/save")
                        .param("newCollection", "Lamps")
                        .with(saver.login())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(collections.mine(saver.id())).isEmpty();

        mvc.perform(post("/posts/" + postId + "/save")
                        .param("newCollection", "Lamps")
                        .param("shared", "true")
                        .with(saver.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(collections.mine(saver.id())).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Lamps");
            assertThat(c.shared()).isTrue();
            assertThat(c.itemCount()).isEqualTo(1);
        });
        assertThat(saveCount(postId)).isEqualTo(1);
    }
}
