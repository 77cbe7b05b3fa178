package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.collections.Alerts;
import io.sparkfeed.collections.Collections;
import io.sparkfeed.collections.SaveTarget;
import io.sparkfeed.posts.Reactions;
import io.sparkfeed.questions.Questions;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Your data": an export is built in the background with its progress shown, holds every module's part and the
 * photos at the largest size stored, is downloaded by its owner only, one at a time, and is deleted after seven days.
 */
class DataExportTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Questions questions;

    @Autowired
    DataExports exports;

    @Autowired
    Reactions reactions;

    @Autowired
    Follows follows;

    @Autowired
    Collections collections;

    @Autowired
    Alerts alerts;

    @Autowired
    Catalog catalog;

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private long latestId(TestAccount account) {
        return exports.latest(account.id()).orElseThrow().id();
    }

    @Test
    void theExportIsBuiltInTheBackgroundAndHoldsEveryPartWithTheLargestStoredPhotos() throws Exception {
        TestAccount me = fixtures.primeMember();
        TestAccount friend = fixtures.primeMember();
        long product = fixtures.product(0);
        long mine = fixtures.post(me, "my export caption " + me.handle(), product);
        long theirs = fixtures.post(friend, "their post " + friend.handle());
        reactions.smile(me.id(), theirs);
        reactions.comment(me.id(), theirs, "a comment of mine " + me.handle());
        follows.follow(me.id(), friend.id());
        fixtures.order(me.id(), product, 2, null);
        collections.save(me.id(), SaveTarget.post(theirs), null);
        collections.save(me.id(), SaveTarget.product(product), collections.create(me.id(), "Wishlist", false));
        alerts.change(me.id(), 25, true, Locale.ENGLISH);
        long question = questions.ask(friend.id(), product, mine, "Is it heavy? " + friend.handle());
        questions.answer(me.id(), question, "Not at all " + me.handle());

        mvc.perform(post("/me/data/export").with(me.login()).with(csrf())).andExpect(status().is3xxRedirection());
        Document waiting = page(get("/me/data").with(me.login()));
        assertThat(waiting.select("[role=status]").text()).contains("0 of");
        assertThat(waiting.select("#export").attr("hx-get")).isEqualTo("/me/data");
        // a second one while the first waits is refused
        mvc.perform(post("/me/data/export").with(me.login()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from data_exports where account_id = ?", me.id()))
                .isEqualTo(1);

        exports.buildPending();
        Document ready = page(get("/me/data").with(me.login()));
        long id = latestId(me);
        assertThat(ready.select("a[href=/me/data/export/" + id + "]")).hasSize(1);
        assertThat(ready.select("#export").hasAttr("hx-get")).isFalse();

        byte[] zip = mvc.perform(get("/me/data/export/" + id).with(me.login()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries)
                .containsKeys(
                        "account.json",
                        "follows.json",
                        "posts.json",
                        "comments.json",
                        "smiles.json",
                        "orders.json",
                        "notifications.json",
                        "collections.json",
                        "questions.json",
                        "moderation.json",
                        "photos/" + mine + ".jpg");
        JsonNode account = JSON.readTree(entries.get("account.json"));
        assertThat(account.get("handle").asString()).isEqualTo(me.handle());
        assertThat(account.get("email").asString()).isEqualTo(me.email());
        JsonNode posts = JSON.readTree(entries.get("posts.json"));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).get("caption").asString()).isEqualTo("my export caption " + me.handle());
        assertThat(JSON.readTree(entries.get("comments.json"))
                        .get(0)
                        .get("body")
                        .asString())
                .isEqualTo("a comment of mine " + me.handle());
        assertThat(JSON.readTree(entries.get("smiles.json"))
                        .get(0)
                        .get("postId")
                        .asLong())
                .isEqualTo(theirs);
        assertThat(JSON.readTree(entries.get("follows.json"))
                        .get("following")
                        .get(0)
                        .get("handle")
                        .asString())
                .isEqualTo(friend.handle());
        JsonNode orders = JSON.readTree(entries.get("orders.json"));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
        // media keeps no original: the upload (400 px wide) was stored as its 320 px derivative only, and the
        // export holds exactly that file
        String key = jdbc.sql("select image_key from posts where id = ?")
                .param(mine)
                .query(String.class)
                .single();
        assertThat(count("select widths[array_upper(widths, 1)] from images where key = ?", key))
                .isEqualTo(320L);
        byte[] photo = entries.get("photos/" + mine + ".jpg");
        assertThat(ImageIO.read(new ByteArrayInputStream(photo)).getWidth()).isEqualTo(320);
        assertThat(photo)
                .isEqualTo(mvc.perform(get("/media/" + key + "/320.jpg"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        JsonNode saved = JSON.readTree(entries.get("collections.json"));
        assertThat(saved.get("collections").get(0).get("saved").asBoolean()).isTrue();
        assertThat(saved.get("collections")
                        .get(0)
                        .get("items")
                        .get(0)
                        .get("postId")
                        .asLong())
                .isEqualTo(theirs);
        JsonNode wished = saved.get("collections").get(1);
        assertThat(wished.get("name").asString()).isEqualTo("Wishlist");
        assertThat(wished.get("items").get(0).get("productTitle").asString())
                .isEqualTo(catalog.get(product).title());
        assertThat(saved.get("priceAlerts").get("thresholdPercent").asInt()).isEqualTo(25);
        assertThat(new String(entries.get("posts.json"))).doesNotContain("their post");
        JsonNode asked = JSON.readTree(entries.get("questions.json"));
        assertThat(asked.get("asked")).isEmpty(); // the question is the friend's
        assertThat(asked.get("answered").get(0).get("body").asString()).isEqualTo("Not at all " + me.handle());
        assertThat(asked.get("answered").get(0).get("badge").asString()).isEqualTo("POSTED");
        assertThat(asked.get("answered").get(0).get("questionId").asLong()).isEqualTo(question);
    }

    @Test
    void onlyTheOwnerDownloadsItAndItIsDeletedAfterSevenDays() throws Exception {
        TestAccount me = fixtures.person();
        TestAccount other = fixtures.person();
        exports.request(me.id());
        exports.buildPending();
        long id = latestId(me);
        mvc.perform(get("/me/data/export/" + id).with(other.login())).andExpect(status().isNotFound());
        mvc.perform(get("/me/data/export/" + id)).andExpect(status().is3xxRedirection()); // to the login page
        mvc.perform(get("/me/data/export/" + id).with(me.login())).andExpect(status().isOk());

        clock.pin(Instant.now().plus(DataExports.KEEP).plus(Duration.ofMinutes(1)));
        exports.expire();
        mvc.perform(get("/me/data/export/" + id).with(me.login())).andExpect(status().isNotFound());
        assertThat(count(
                        "select count(*) from data_exports where id = ? and status = 'EXPIRED' and file_name is null",
                        id))
                .isEqualTo(1);
    }
}
