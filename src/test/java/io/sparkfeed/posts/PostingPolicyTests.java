package io.sparkfeed.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The posting policy on real data: the facts it gathers (recent publishes, enthusiast status, brand, Prime) reach
 * the rules, which {@link PostingRulesTest} checks one by one.
 */
class PostingPolicyTests extends IntegrationTest {

    @Autowired
    PostingPolicy policy;

    @Autowired
    Posts posts;

    @Autowired
    Accounts accounts;

    @Autowired
    Memberships memberships;

    @Autowired
    ObjectProvider<SpendingLedger> ledger;

    @Test
    void theDailyLimitCountsPublishesEvenDeletedOnesAndReopensAfter24Hours() {
        var author = fixtures.primeMember();
        int limit = policy.settings().maxPostsPerDay();
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            published.add(fixtures.post(author, "Post " + i + " of the day " + author.handle()));
        }
        // deleting them all does not give the day's posts back
        published.forEach(id -> posts.delete(author.id(), id));
        assertThat(count("select count(*) from posts where author_id = ?", author.id()))
                .isZero();

        PostingDecision decision = policy.check(author.id());
        assertThat(decision.reasonKey()).isEqualTo("posting.rule.dailyLimit");
        assertThatThrownBy(() -> fixtures.post(author, "One more " + author.handle()))
                .isInstanceOf(PostingRefusedException.class);

        clock.pin(clock.instant().plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(policy.check(author.id()).allowed()).isTrue();
    }

    @Test
    void enthusiastsOnlyModeLetsApprovedEnthusiastsPostAndNoOtherPrimeMember() {
        var enthusiastsOnly = new PostingPolicy(
                accounts,
                memberships,
                ledger,
                new PostingProperties(PostingMode.ENTHUSIASTS_ONLY, false, BigDecimal.ZERO, 20),
                jdbc,
                clock);
        assertThat(enthusiastsOnly.check(fixtures.enthusiast().id()).allowed()).isTrue();
        PostingDecision member = enthusiastsOnly.check(fixtures.primeMember().id());
        assertThat(member.reasonKey()).isEqualTo("posting.rule.enthusiastsOnly");
        assertThat(member.actionUrl()).isEqualTo("/enthusiasts/apply");
    }

    @Test
    void aSuspendedEnthusiastCannotPostUntilReinstated() throws Exception {
        var admin = fixtures.admin();
        var enthusiast = fixtures.enthusiast();
        mvc.perform(get("/posts/new").with(enthusiast.login())).andExpect(status().isOk());

        mvc.perform(post("/admin/enthusiasts/" + enthusiast.id() + "/suspend")
                        .param("reason", "Undisclosed deal")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/posts/new").with(enthusiast.login()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(Matchers.containsString("Your enthusiast status is suspended")));
        assertThatThrownBy(() -> fixtures.post(enthusiast, "While suspended " + enthusiast.handle()))
                .isInstanceOf(PostingRefusedException.class);

        mvc.perform(post("/admin/enthusiasts/" + enthusiast.id() + "/reinstate")
                        .param("reason", "Cleared")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/posts/new").with(enthusiast.login())).andExpect(status().isOk());
    }

    @Autowired
    MessageSource messages;

    @Test
    void theMinimumSpendReadsInTheReadersLanguage() {
        Object[] amounts = {new BigDecimal("1250.00"), new BigDecimal("49.9")};
        assertThat(messages.getMessage("posting.rule.minimumSpend", amounts, Locale.ENGLISH))
                .isEqualTo("Posting opens once you have spent 1,250.00 on paid orders here (so far: 49.90). "
                        + "An order counts once its invoice is paid.");
        assertThat(messages.getMessage("posting.rule.minimumSpend", amounts, Locale.FRENCH))
                .contains("une fois 1\u202f250,00 dépensés")
                .contains("(jusqu'à présent : 49,90)");
    }

    @Test
    void aBrandWithoutPrimeIsToldBrandsDoNotPostNotToJoinPrime() throws Exception {
        var brand = fixtures.brand();
        var page = Jsoup.parse(mvc.perform(get("/posts/new").with(brand.login()))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select(".refusal").text()).startsWith("Brand accounts do not post");
        assertThat(page.select("main a.button, section a.button")).isEmpty();
    }
}
