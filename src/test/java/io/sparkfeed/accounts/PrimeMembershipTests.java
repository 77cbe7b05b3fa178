package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PrimeMembershipTests extends IntegrationTest {

    @Autowired
    Memberships memberships;

    private long trials(long accountId) {
        return count("select count(*) from memberships where account_id = ? and plan = 'TRIAL'", accountId);
    }

    @Test
    void aMemberStartsTheTrialOnceAndSeesThePrimeBadge() throws Exception {
        var member = fixtures.person();
        mvc.perform(post("/prime/trial").with(member.login()).with(csrf()))
                .andExpect(redirectedUrl("/prime"))
                .andExpect(flash().attribute("notice", "prime.trial.started"));
        mvc.perform(get("/").with(member.login())).andExpect(content().string(Matchers.containsString("Prime trial")));
        assertThat(memberships.status(member.id()))
                .get()
                .extracting(PrimeStatus::plan)
                .isEqualTo(Plan.TRIAL);

        mvc.perform(post("/prime/trial").with(member.login()).with(csrf()))
                .andExpect(flash().attribute("problem", "prime.trial.used"));
        assertThat(trials(member.id())).isEqualTo(1);
    }

    @Test
    void aSecondTrialIsRefusedEvenAfterTheFirstEnded() {
        var member = fixtures.person();
        fixtures.membership(
                member.id(),
                "TRIAL",
                Instant.now().minus(Duration.ofDays(40)),
                Instant.now().minus(Duration.ofDays(10)));
        assertThat(memberships.isPrime(member.id())).isFalse();
        assertThatThrownBy(() -> memberships.startTrial(member.id()))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("prime.trial.used");
        assertThat(trials(member.id())).isEqualTo(1);
    }

    @Test
    void concurrentTrialRequestsStartOneTrial() throws Exception {
        var member = fixtures.person();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    try {
                        memberships.startTrial(member.id());
                        return true;
                    } catch (UserFacingException refused) {
                        return false;
                    }
                });
            }
            long started = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                started += f.get() ? 1 : 0;
            }
            assertThat(started).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(trials(member.id())).isEqualTo(1);
    }

    @Test
    void aMembershipThatStartsNowMakesTheAccountPrime() {
        var member = fixtures.person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.pin(now);
        fixtures.membership(member.id(), "PAID", now, now.plus(Duration.ofDays(30)));
        assertThat(memberships.isPrime(member.id())).isTrue();
        clock.pin(now.minusNanos(1000));
        assertThat(memberships.isPrime(member.id())).isFalse();
    }

    @Test
    void aMembershipThatEndedYesterdayOrEndsNowDoesNot() {
        var member = fixtures.person();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        clock.pin(now);
        fixtures.membership(member.id(), "PAID", now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
        assertThat(memberships.isPrime(member.id())).isFalse();
        fixtures.membership(member.id(), "PAID", now.minus(Duration.ofDays(30)), now);
        assertThat(memberships.isPrime(member.id())).isFalse();
        clock.pin(now.minusNanos(1000));
        assertThat(memberships.isPrime(member.id())).isTrue();
    }

    @Test
    void joiningPaidPrimeRecordsAnOwedInvoiceAndWaitsForIt() throws Exception {
        var member = fixtures.person();
        mvc.perform(post("/prime/join")
                        .param("method", "invoice")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(redirectedUrl("/prime"))
                .andExpect(flash().attribute("notice", "prime.pending.started"));
        assertThat(memberships.status(member.id())).isEmpty();
        assertThat(memberships.isPrime(member.id())).isFalse();
        var invoice = jdbc.sql("select amount, status, method from invoices where account_id = ?")
                .param(member.id())
                .query()
                .singleRow();
        assertThat(invoice.get("status")).isEqualTo("OWED");
        assertThat(invoice.get("method")).isEqualTo("invoice");
        assertThat(invoice.get("amount")).isEqualTo(new BigDecimal("139.00"));
    }

    @Test
    void anUnknownPaymentMethodChangesNothing() throws Exception {
        var member = fixtures.person();
        mvc.perform(post("/prime/join")
                        .param("method", "bitcoin")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "payment.unknownMethod"));
        assertThat(memberships.isPrime(member.id())).isFalse();
        assertThat(count("select count(*) from invoices where account_id = ?", member.id()))
                .isZero();
    }

    @Test
    void aVisitorSeesWhyAndHowToJoin() throws Exception {
        mvc.perform(get("/prime")).andExpect(content().string(Matchers.containsString("Sign up to start")));
        mvc.perform(post("/prime/trial").with(csrf())).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aNonMemberSeesThatPostingNeedsPrime() throws Exception {
        var member = fixtures.person();
        mvc.perform(get("/").with(member.login()))
                .andExpect(content()
                        .string(Matchers.containsString("Posting, smiling and commenting are for Prime members.")));
    }
}
