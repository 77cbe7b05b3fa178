package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org data a search engine reads from a product, a post and a profile page: parsed from the rendered
 * page's JSON-LD block and checked against the fields search engines require; and hostile text stays inside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructuredDataTests extends IntegrationTest {

    private static final String BASE = "http://localhost";
    private static final String HOSTILE = "Nice </script><script>alert(1)</script> <!-- & \u2028 </SCRIPT >";

    private final JsonMapper json = JsonMapper.builder().build();

    private TestAccount author;
    private long product;
    private long post;
    private long hostilePost;

    @BeforeAll
    void aPostWithATaggedProduct() {
        author = fixtures.enthusiast();
        product = jdbc.sql("""
                        insert into products (title, brand, price, currency, description, category, stock, active)
                        values ('Ld kettle </script><script>alert(2)</script>', 'Acme', 24.90, 'EUR',
                                'A kettle that whistles', 'home', 5, true) returning id""").query(Long.class).single();
        post = fixtures.post(author, "My kettle in the morning #ldjson", product);
        hostilePost = fixtures.post(author, HOSTILE, product);
    }

    private JsonNode data(String path) throws Exception {
        Document page = page(get(path));
        var blocks = page.select("script[type=application/ld+json]");
        assertThat(blocks).as(path).hasSize(1);
        return json.readTree(blocks.first().data());
    }

    private static JsonNode item(JsonNode data, String type) {
        assertThat(data.path("@context").asString()).isEqualTo("https://schema.org");
        return StreamSupport.stream(data.path("@graph").spliterator(), false)
                .filter(node -> type.equals(node.path("@type").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + data));
    }

    private static void breadcrumbs(JsonNode data, String... namesAndUrls) {
        JsonNode list = item(data, "BreadcrumbList").path("itemListElement");
        assertThat(list.size()).isEqualTo(namesAndUrls.length / 2);
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            assertThat(element.path("@type").asString()).isEqualTo("ListItem");
            assertThat(element.path("position").asInt()).isEqualTo(i + 1);
            assertThat(element.path("name").asString()).isEqualTo(namesAndUrls[2 * i]);
            assertThat(element.path("item").asString()).isEqualTo(namesAndUrls[2 * i + 1]);
        }
    }

    @Test
    void aProductPageIsAProductWithAnOffer() throws Exception {
        JsonNode data = data("/products/" + product);
        JsonNode item = item(data, "Product");
        assertThat(item.path("name").asString()).isEqualTo("Ld kettle </script><script>alert(2)</script>");
        assertThat(item.path("brand").path("name").asString()).isEqualTo("Acme");
        assertThat(item.path("description").asString()).isEqualTo("A kettle that whistles");
        JsonNode offer = item.path("offers");
        assertThat(offer.path("@type").asString()).isEqualTo("Offer");
        assertThat(offer.path("price").asString()).isEqualTo("24.90");
        assertThat(offer.path("priceCurrency").asString()).isEqualTo("EUR");
        assertThat(offer.path("availability").asString()).isEqualTo("https://schema.org/InStock");
        assertThat(offer.path("url").asString()).isEqualTo(BASE + "/products/" + product);
        breadcrumbs(
                data,
                "Sparkfeed",
                BASE + "/",
                "Ld kettle </script><script>alert(2)</script>",
                BASE + "/products/" + product);

        jdbc.sql("update products set stock = 0 where id = ?").param(product).update();
        try {
            assertThat(item(data("/products/" + product), "Product")
                            .path("offers")
                            .path("availability")
                            .asString())
                    .isEqualTo("https://schema.org/OutOfStock");
        } finally {
            jdbc.sql("update products set stock = 5 where id = ?")
                    .param(product)
                    .update();
        }
    }

    @Test
    void aPostPageIsASocialMediaPostingWithItsPhotoAuthorAndProducts() throws Exception {
        JsonNode data = data("/posts/" + post);
        JsonNode posting = item(data, "SocialMediaPosting");
        assertThat(posting.path("url").asString()).isEqualTo(BASE + "/posts/" + post);
        assertThat(posting.path("articleBody").asString()).isEqualTo("My kettle in the morning #ldjson");
        assertThat(posting.path("headline").asString()).isNotBlank();
        assertThat(posting.path("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        JsonNode author = posting.path("author");
        assertThat(author.path("@type").asString()).isEqualTo("Person");
        assertThat(author.path("url").asString()).isEqualTo(BASE + "/@" + this.author.handle());
        assertThat(author.path("name").asString()).isNotBlank();
        JsonNode image = posting.path("image");
        assertThat(image.path("@type").asString()).isEqualTo("ImageObject");
        assertThat(image.path("contentUrl").asString())
                .startsWith(BASE + "/media/")
                .endsWith(".jpg");
        assertThat(image.path("caption").asString()).isEqualTo("A test photo");
        assertThat(image.path("width").asInt()).isPositive();
        JsonNode tagged = posting.path("mentions").get(0);
        assertThat(tagged.path("@type").asString()).isEqualTo("Product");
        assertThat(tagged.path("url").asString()).isEqualTo(BASE + "/products/" + product);
        assertThat(tagged.path("offers").path("price").asString()).isEqualTo("24.90");
        assertThat(tagged.path("offers").path("priceCurrency").asString()).isEqualTo("EUR");
        breadcrumbs(
                data,
                "Sparkfeed",
                BASE + "/",
                author.path("name").asString(),
                BASE + "/@" + this.author.handle(),
                "A post by " + author.path("name").asString(),
                BASE + "/posts/" + post);
    }

    @Test
    void aProfileIsAProfilePage() throws Exception {
        JsonNode data = data("/@" + author.handle());
        JsonNode page = item(data, "ProfilePage");
        assertThat(page.path("url").asString()).isEqualTo(BASE + "/@" + author.handle());
        JsonNode person = page.path("mainEntity");
        assertThat(person.path("@type").asString()).isEqualTo("Person");
        assertThat(person.path("alternateName").asString()).isEqualTo("@" + author.handle());
        assertThat(person.path("name").asString()).isNotBlank();
    }

    @Test
    void aCaptionOrATitleCannotCloseTheDataBlock() throws Exception {
        String html = mvc.perform(get("/posts/" + hostilePost))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        // the page's own scripts only: nothing the caption or the product title wrote became an element
        List<String> scripts = page.select("script").eachAttr("type");
        assertThat(page.select("script:not([src])")).hasSize(1);
        assertThat(scripts).contains("application/ld+json");
        assertThat(page.select("script").stream().map(s -> s.data())).noneMatch(data -> data.startsWith("alert"));
        // inside the block, < > & are JSON escapes; the JSON still says exactly what was written
        String block = page.selectFirst("script[type=application/ld+json]").data();
        assertThat(block).doesNotContain("<", ">", "&", "\u2028");
        JsonNode posting = item(json.readTree(block), "SocialMediaPosting");
        assertThat(posting.path("articleBody").asString()).isEqualTo(HOSTILE);
        assertThat(posting.path("mentions").get(0).path("name").asString())
                .isEqualTo("Ld kettle </script><script>alert(2)</script>");
    }
}
