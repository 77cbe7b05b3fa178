package io.sparkfeed.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

class ModerationAdminPagesTests extends IntegrationTest {

    private static MockMultipartHttpServletRequestBuilder productForm(
            String path, Map<String, String> fields, byte[] photo) {
        var request = multipart(path);
        if (photo != null) {
            request.file(new MockMultipartFile("photo", "photo.jpg", "image/jpeg", photo));
        }
        fields.forEach(request::param);
        return request;
    }

    private static Map<String, String> fields(String title, String stock, String active) {
        var map = new LinkedHashMap<String, String>(Map.of(
                "title",
                title,
                "brand",
                "Acme",
                "price",
                "19.90",
                "currency",
                "eur",
                "description",
                "A fine thing",
                "category",
                "Home",
                "stock",
                stock));
        if (active != null) {
            map.put("active", active);
        }
        return map;
    }

    @Test
    void productAndAuditPagesAreForAdminsOnly() throws Exception {
        long product = fixtures.product(0);
        List<AbstractMockHttpServletRequestBuilder<?>> routes = List.of(
                get("/admin/products"),
                get("/admin/products/new"),
                productForm("/admin/products", fields("Sneaky", "1", "true"), null)
                        .with(csrf()),
                get("/admin/products/" + product + "/edit"),
                get("/admin/products/" + product),
                productForm("/admin/products/" + product, fields("Sneaky", "1", "true"), null)
                        .param("reason", "r")
                        .with(csrf()),
                get("/admin/audit"));
        for (var route : routes) {
            mvc.perform(route).andExpect(redirectedUrl("/login"));
        }
        for (TestAccount who : List.of(
                fixtures.person(),
                fixtures.trialMember(),
                fixtures.primeMember(),
                fixtures.enthusiast(),
                fixtures.brand())) {
            for (var route : routes) {
                mvc.perform(route.with(who.login())).andExpect(status().isForbidden());
            }
        }
        assertThat(count("select count(*) from products where title = 'Sneaky'"))
                .isZero();
    }

    @Test
    void anAdminCreatesAndEditsAProductWithItsPhoto() throws Exception {
        var admin = fixtures.admin();
        String title = "Resoling kit " + fixtures.uniqueHandle();
        var created = mvc.perform(
                        productForm("/admin/products", fields(title, "7", "true"), Fixtures.jpeg(600, 600, 4242))
                                .with(admin.login())
                                .with(csrf()))
                .andExpect(redirectedUrlPattern("/admin/products/*/edit"))
                .andExpect(flash().attribute("notice", "admin.products.created"))
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        assertThat(jdbc.sql("select title || '|' || price || '|' || currency || '|' || stock || '|' || active "
                                + "from products where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(title + "|19.90|EUR|7|true");
        assertThat(count("select count(*) from product_images where product_id = ?", id))
                .isEqualTo(1);
        assertThat(page(get("/products/" + id)).select("h1").text()).isEqualTo(title);

        // no reason, no change
        mvc.perform(productForm("/admin/products/" + id, fields(title, "0", null), null)
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is(422));
        mvc.perform(productForm("/admin/products/" + id, fields(title, "lots", "true"), null)
                        .param("reason", "x")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is(422));
        mvc.perform(productForm("/admin/products/" + id, fields(title, "0", null), Fixtures.jpeg(500, 500, 4343))
                        .param("reason", "Sold out, withdrawn")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/products/" + id + "/edit"))
                .andExpect(flash().attribute("notice", "admin.products.saved"));
        assertThat(jdbc.sql("select stock || '|' || active from products where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("0|false");
        assertThat(count("select count(*) from product_images where product_id = ?", id))
                .isEqualTo(2);
        assertThat(jdbc.sql("select action || ':' || coalesce(reason, '-') from audit_entries "
                                + "where target_type = 'PRODUCT' and target_id = ? order by id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("PRODUCT_CREATED:-", "PRODUCT_UPDATED:Sold out, withdrawn");
        assertThat(page(get("/admin/products").with(admin.login()))
                        .select("#product-" + id)
                        .text())
                .contains(title);
    }

    @Test
    void theAuditPageFiltersAndPagesOlderEntries() throws Exception {
        var admin = fixtures.admin();
        var target = fixtures.person();
        for (int i = 0; i < 3; i++) {
            mvc.perform(multipart("/admin/moderation/accounts/" + target.id() + "/suspend")
                    .param("reason", "s" + i)
                    .with(admin.login())
                    .with(csrf()));
            mvc.perform(multipart("/admin/moderation/accounts/" + target.id() + "/reinstate")
                    .param("reason", "r" + i)
                    .with(admin.login())
                    .with(csrf()));
        }
        Document d = page(get("/admin/audit")
                .param("action", "ACCOUNT_SUSPENDED")
                .param("targetType", "ACCOUNT")
                .with(admin.login()));
        assertThat(d.select("tbody tr"))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.select("td").get(2).text()).isEqualTo("ACCOUNT_SUSPENDED"));
        // reasons, not the whole page text: random handles may contain "r2"
        var reasons = d.select("tbody tr").stream()
                .map(row -> row.select("td").get(4).text())
                .toList();
        assertThat(reasons).contains("s0", "s1", "s2").doesNotContain("r0", "r1", "r2");
        assertThat(d.select("#action option[selected]").attr("value")).isEqualTo("ACCOUNT_SUSPENDED");

        assertThat(d.select("#targetType option").eachAttr("value"))
                .contains("ACCOUNT", "POST", "COMMENT", "PRODUCT", "ORDER");

        long newest =
                jdbc.sql("select max(id) from audit_entries").query(Long.class).single();
        Document older =
                page(get("/admin/audit").param("before", String.valueOf(newest)).with(admin.login()));
        assertThat(older.select("#audit-" + newest)).isEmpty();
    }

    @Test
    void theAdminStartPageLinksEveryAdminPage() throws Exception {
        Document d = page(get("/admin").with(fixtures.admin().login()));
        for (String path :
                List.of("/admin/members", "/admin/reports", "/admin/enthusiasts", "/admin/products", "/admin/audit")) {
            assertThat(d.select(".admin-links a[href='" + path + "']")).as(path).hasSize(1);
            mvc.perform(get(path).with(fixtures.admin().login())).andExpect(status().isOk());
        }
    }
}
