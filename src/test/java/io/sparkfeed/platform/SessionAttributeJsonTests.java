package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkfeed.accounts.AccountPrincipal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.FlashMap;

/** What a session keeps survives the trip through JSON, and a row can name no class outside the allowed ones. */
class SessionAttributeJsonTests {

    private final SessionAttributeJson json =
            new SessionAttributeJson(getClass().getClassLoader());

    @Test
    void aPasswordLoginComesBackAsTheSameAccountWithItsRolesFactorsAndDetails() {
        var principal = new AccountPrincipal(42, "maya@example.test", "maya", "{bcrypt}hash", true, false, 3);
        principal.eraseCredentials();
        var authorities = new ArrayList<GrantedAuthority>(principal.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        var request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        authentication.setDetails(new WebAuthenticationDetails(request));

        byte[] bytes = json.write(new SecurityContextImpl(authentication));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"maya@example.test\"", "ROLE_ADMIN", "203.0.113.9")
                .doesNotContain("hash");

        var back = (SecurityContext) json.read(bytes);
        var restored = back.getAuthentication();
        assertThat(restored).isInstanceOf(UsernamePasswordAuthenticationToken.class);
        assertThat(restored.isAuthenticated()).isTrue();
        var who = (AccountPrincipal) restored.getPrincipal();
        assertThat(who.id()).isEqualTo(42);
        assertThat(who.handle()).isEqualTo("maya");
        assertThat(who.getUsername()).isEqualTo("maya@example.test");
        assertThat(who.admin()).isTrue();
        assertThat(who.isEnabled()).isTrue();
        assertThat(who.sessionVersion()).isEqualTo(3);
        assertThat(who.getPassword()).isNull();
        assertThat(restored.getAuthorities())
                .extracting(a -> a.getAuthority())
                .containsExactlyInAnyOrder("ROLE_MEMBER", "ROLE_ADMIN", FactorGrantedAuthority.PASSWORD_AUTHORITY);
        assertThat(((WebAuthenticationDetails) restored.getDetails()).getRemoteAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aRememberMeLoginComesBackAsOne() {
        var principal = new AccountPrincipal(7, "tom@example.test", "tom", null, false, false, 0);
        var authentication = new RememberMeAuthenticationToken("key", principal, principal.getAuthorities());

        var restored =
                ((SecurityContext) json.read(json.write(new SecurityContextImpl(authentication)))).getAuthentication();

        assertThat(restored).isInstanceOf(RememberMeAuthenticationToken.class);
        assertThat(((RememberMeAuthenticationToken) restored).getKeyHash()).isEqualTo("key".hashCode());
        assertThat(((AccountPrincipal) restored.getPrincipal()).handle()).isEqualTo("tom");
    }

    @Test
    void aCsrfTokenComesBackWithItsHeaderParameterAndValue() {
        var token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "a-token-value");

        var restored = (CsrfToken) json.read(json.write(token));

        assertThat(restored.getHeaderName()).isEqualTo("X-CSRF-TOKEN");
        assertThat(restored.getParameterName()).isEqualTo("_csrf");
        assertThat(restored.getToken()).isEqualTo("a-token-value");
    }

    @Test
    void flashAttributesKeepTheirTargetAndExpiry() {
        var flash = new FlashMap();
        flash.put("notice", "post.published");
        flash.put("invoiceReference", "INV-2026-0001");
        flash.setTargetRequestPath("/posts/12");
        flash.addTargetRequestParam("from", "3");
        flash.setExpirationTime(1_800_000_000_000L);

        @SuppressWarnings("unchecked")
        var restored = (List<FlashMap>) json.read(json.write(new ArrayList<>(List.of(flash))));

        assertThat(restored).hasSize(1);
        FlashMap back = restored.get(0);
        assertThat((Map<String, Object>) back)
                .containsEntry("notice", "post.published")
                .containsEntry("invoiceReference", "INV-2026-0001");
        assertThat(back.getTargetRequestPath()).isEqualTo("/posts/12");
        assertThat(back.getTargetRequestParams().get("from")).containsExactly("3");
        assertThat(back.getExpirationTime()).isEqualTo(1_800_000_000_000L);
        // SessionFlashMapManager removes the used ones from the list it read
        restored.clear();
    }

    @Test
    void plainValuesComeBackAsThemselves() {
        assertThat(json.read(json.write("text"))).isEqualTo("text");
        assertThat(json.read(json.write(12L))).isEqualTo(12L);
    }

    @Test
    void aRowNamingAClassOutsideTheAllowedOnesIsRefused() {
        byte[] hostile = "{\"value\":[\"java.io.File\",\"/etc/passwd\"]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.read(hostile)).hasMessageContaining("java.io.File");
    }
}
