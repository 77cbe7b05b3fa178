package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

class SignupTests extends IntegrationTest {

    private MockHttpServletRequestBuilder signup(String email, String handle, String password) {
        return post("/signup")
                .with(csrf())
                .param("email", email)
                .param("displayName", "Ada Lovelace")
                .param("handle", handle)
                .param("password", password)
                .param("kind", "PERSON");
    }

    private long accountsWithEmail(String email) {
        return count("select count(*) from accounts where lower(email) = lower(?)", email);
    }

    @Test
    void signingUpOpensTheAccountAndSignsIn() throws Exception {
        String handle = fixtures.uniqueHandle();
        mvc.perform(signup(handle + "@example.test", "@" + handle, "a long enough passphrase"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/me/interests?welcome"))
                .andExpect(authenticated().withUsername(handle + "@example.test"));

        var row = jdbc.sql("select handle, display_name, kind, password_hash from accounts where handle = ?")
                .param(handle)
                .query()
                .singleRow();
        assertThat(row.get("display_name")).isEqualTo("Ada Lovelace");
        assertThat(row.get("kind")).isEqualTo("PERSON");
        assertThat((String) row.get("password_hash")).startsWith("{bcrypt}").doesNotContain("passphrase");
    }

    @Test
    void aDuplicateEmailWhateverItsCaseIsRefusedOnTheForm() throws Exception {
        var existing = fixtures.person();
        mvc.perform(signup(existing.email().toUpperCase(), fixtures.uniqueHandle(), "a long enough passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("An account already uses this email address.")))
                .andExpect(unauthenticated());
        assertThat(accountsWithEmail(existing.email())).isEqualTo(1);
    }

    @Test
    void aDuplicateHandleWhateverItsCaseIsRefusedOnTheForm() throws Exception {
        var existing = fixtures.person();
        String email = fixtures.uniqueHandle() + "@example.test";
        mvc.perform(signup(email, existing.handle().toUpperCase(), "a long enough passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This handle is taken.")));
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aShortPasswordIsRefused() throws Exception {
        String email = fixtures.uniqueHandle() + "@example.test";
        mvc.perform(signup(email, fixtures.uniqueHandle(), "short1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("A password has at least 10 characters.")));
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aPasswordLongerThanBcryptTakesIsRefusedOnTheForm() throws Exception {
        // bcrypt reads 72 bytes at most, and Spring's encoder refuses more: 40 accented letters are 80 bytes
        String email = fixtures.uniqueHandle() + "@example.test";
        mvc.perform(signup(email, fixtures.uniqueHandle(), "é".repeat(40)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "A password has at most 72 characters (fewer with accents or emoji).")));
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void aCommonPasswordIsRefused() throws Exception {
        String email = fixtures.uniqueHandle() + "@example.test";
        mvc.perform(signup(email, fixtures.uniqueHandle(), "Password123"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This password is one of the most common ones.")));
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void anInvalidHandleAndEmailAreExplained() throws Exception {
        mvc.perform(signup("not-an-email", "a b", "a long enough passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a valid email address.")))
                .andExpect(content()
                        .string(Matchers.containsString("A handle has 3 to 30 letters, digits or underscores.")));
    }

    @Test
    void aRefusedFieldPointsScreenReadersAtItsErrorAndItsHint() throws Exception {
        Document form = page(signup("not-an-email", "a b", "a long enough passphrase"));

        Element email = form.selectFirst("input#email");
        assertThat(email.attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#" + email.attr("aria-describedby")).text()).isEqualTo("Enter a valid email address.");
        Element handle = form.selectFirst("input#handle");
        assertThat(handle.attr("aria-invalid")).isEqualTo("true");
        assertThat(handle.attr("aria-describedby").split(" ")).containsExactly("handle-hint", "handle-error");
        assertThat(form.select("#handle-error").text()).contains("A handle has 3 to 30 letters");
        Element name = form.selectFirst("input#displayName");
        assertThat(name.hasAttr("aria-invalid")).isFalse();
        assertThat(name.hasAttr("aria-describedby")).isFalse();
        assertThat(form.selectFirst("input#password").attr("aria-describedby")).isEqualTo("password-hint");
    }

    @Test
    void theHandleShowsItsPlaceholderAndThePasswordAsksForTenCharacters() throws Exception {
        Document form = page(MockMvcRequestBuilders.get("/signup"));

        Element handle = form.selectFirst("input#handle");
        assertThat(handle.attr("placeholder")).isEqualTo("@yourname");
        assertThat(handle.attr("maxlength")).isEqualTo("31");
        assertThat(handle.hasAttr("required")).isTrue();
        assertThat(handle.hasAttr("minlength")).isFalse();
        assertThat(handle.attr("aria-describedby")).isEqualTo("handle-hint");
        Element password = form.selectFirst("input#password");
        assertThat(password.attr("type")).isEqualTo("password");
        assertThat(password.attr("minlength")).isEqualTo("10");
        assertThat(password.attr("autocomplete")).isEqualTo("new-password");
        assertThat(password.hasAttr("maxlength")).isFalse();
        assertThat(password.hasAttr("placeholder")).isFalse();
        assertThat(form.select("#password-hint").text()).isNotEmpty();
        assertThat(form.selectFirst("input#displayName").hasAttr("placeholder")).isFalse();
    }

    @Test
    void theFormIsRefusedWithoutItsCsrfToken() throws Exception {
        String email = fixtures.uniqueHandle() + "@example.test";
        mvc.perform(post("/signup")
                        .param("email", email)
                        .param("displayName", "X")
                        .param("handle", fixtures.uniqueHandle())
                        .param("password", "a long enough passphrase"))
                .andExpect(status().isForbidden());
        assertThat(accountsWithEmail(email)).isZero();
    }

    @Test
    void theFrenchFormSpeaksFrench() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/signup").header("Accept-Language", "fr-FR"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Créer votre compte")));
    }
}
