package io.sparkfeed.accounts;

import static io.sparkfeed.support.Races.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import io.sparkfeed.support.Fixtures;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Login throttling as an attacker would try to turn it against people (issue 10, point 5): one test per finding.
 * The clock is pinned, so buckets refill only when a test moves it.
 */
class LoginThrottleTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired
    Accounts accounts;

    private Instant now;

    @BeforeEach
    void pinTheClock() {
        now = Instant.now();
        clock.pin(now);
    }

    private static MockHttpServletRequestBuilder login(String login, String password, String address) {
        return post("/login")
                .param("login", login)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    private static String newAddress() {
        int n = ADDRESS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private void fail(String login, String address, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(login(login, "wrong guess " + i, address)).andExpect(redirectedUrl("/login?error"));
        }
    }

    private void later(Duration duration) {
        now = now.plus(duration);
        clock.pin(now);
    }

    @Test
    void guessesFromOnePlaceMakeThatPlaceWaitButNotTheOwnerElsewhere() throws Exception {
        TestAccount priya = fixtures.person();
        String attacker = newAddress();
        fail(priya.email(), attacker, 5);

        mvc.perform(login(priya.email(), Fixtures.PASSWORD, attacker))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"))
                .andExpect(unauthenticated());
        // the owner, elsewhere, gets in at once
        mvc.perform(login(priya.email(), Fixtures.PASSWORD, newAddress())).andExpect(authenticated());
    }

    @Test
    void theWaitIsShortAndGrowsWithFurtherGuesses() throws Exception {
        TestAccount priya = fixtures.person();
        String attacker = newAddress();
        fail(priya.email(), attacker, 5);
        String first = mvc.perform(login(priya.email(), "again", attacker))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(first).isEqualTo("/login?throttled&wait=60");
        mvc.perform(get(first))
                .andExpect(content()
                        .string(Matchers.containsString("Too many attempts. Wait 60 seconds, then try again.")));

        // a minute later one more try is allowed, and then the wait is back
        later(Duration.ofMinutes(1));
        fail(priya.email(), attacker, 1);
        mvc.perform(login(priya.email(), Fixtures.PASSWORD, attacker))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
        // guessing on at that pace empties the hourly allowance: the wait grows past a minute, but stays short
        long wait = 0;
        for (int minute = 0; minute < 40 && wait <= 60; minute++) {
            later(Duration.ofMinutes(1));
            String answer = mvc.perform(login(priya.email(), "guess " + minute, attacker))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            wait = answer.startsWith("/login?throttled") ? seconds(answer) : 0;
        }
        assertThat(wait).isBetween(61L, 180L);
        // and the right password from that place gets in once the wait is over
        later(Duration.ofSeconds(wait));
        mvc.perform(login(priya.email(), Fixtures.PASSWORD, attacker)).andExpect(authenticated());
    }

    private static long seconds(String throttled) {
        return Long.parseLong(throttled.substring(throttled.indexOf("wait=") + 5));
    }

    @Test
    void guessingFromManyAddressesNeverLocksTheOwnerOutForLong() throws Exception {
        TestAccount admin = fixtures.admin();
        // 30 guesses, each from another address, empty the account's allowance from everywhere
        for (int i = 0; i < 30; i++) {
            if (i % 10 == 0) {
                later(Duration.ofMinutes(1));
            }
            fail("@" + admin.handle(), newAddress(), 1);
        }
        String refused = mvc.perform(login("@" + admin.handle(), Fixtures.PASSWORD, newAddress()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(refused).startsWith("/login?throttled&wait=");
        long wait = seconds(refused);
        assertThat(wait).isLessThanOrEqualTo(120);
        later(Duration.ofSeconds(wait));
        mvc.perform(login("@" + admin.handle(), Fixtures.PASSWORD, newAddress()))
                .andExpect(authenticated());
    }

    @Test
    void otherAccountsBehindTheSameAddressStillGetIn() throws Exception {
        TestAccount priya = fixtures.person();
        TestAccount leo = fixtures.person();
        TestAccount maya = fixtures.person();
        String office = newAddress();
        fail(priya.email(), office, 5);
        mvc.perform(login(leo.email(), Fixtures.PASSWORD, office)).andExpect(authenticated());
        mvc.perform(login("@" + maya.handle(), Fixtures.PASSWORD, office)).andExpect(authenticated());
    }

    @Test
    void twentyParallelWrongGuessesDoNotAllReachThePasswordCheck() throws Exception {
        TestAccount priya = fixtures.person();
        String attacker = newAddress();
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            guesses.add(() -> mvc.perform(login(priya.email(), "parallel guess " + n, attacker))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
        }
        List<String> answers = race(guesses, 20);
        assertThat(answers).filteredOn(url -> url.equals("/login?error")).hasSize(5);
        assertThat(answers)
                .filteredOn(url -> url.startsWith("/login?throttled"))
                .hasSize(15);
    }

    @Test
    void aSuspendedAccountIsCountedAndSaysSoOnlyAfterTheRightPassword() throws Exception {
        TestAccount tom = fixtures.person();
        accounts.suspend(tom.id(), "test");
        String place = newAddress();
        // a wrong password learns nothing about the suspension
        fail(tom.email(), place, 4);
        mvc.perform(login(tom.email(), Fixtures.PASSWORD, place))
                .andExpect(redirectedUrl("/login?suspended"))
                .andExpect(unauthenticated());
        // every attempt was counted, the right one too
        mvc.perform(login(tom.email(), Fixtures.PASSWORD, place))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
    }

    @Test
    void theThrottleDoesNotTellWhichEmailBelongsToWhichHandle() throws Exception {
        TestAccount priya = fixtures.person();
        String prober = newAddress();
        fail(priya.email(), prober, 5);
        mvc.perform(login(priya.email(), "again", prober)).andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
        // the handle from the same place is not throttled: the prober cannot link the two
        mvc.perform(login("@" + priya.handle(), "wrong", prober)).andExpect(redirectedUrl("/login?error"));
        // a login that names no account is throttled exactly like one that does
        String unknown = fixtures.uniqueHandle() + "@example.test";
        fail(unknown, prober, 5);
        mvc.perform(login(unknown.toUpperCase(), "again", prober))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
    }

    @Test
    void anAddressHasAHigherThresholdThatSuccessfulLoginsGiveBackAndTimeRefills() throws Exception {
        String nat = newAddress();
        for (int i = 0; i < 29; i++) {
            fail(fixtures.uniqueHandle(), nat, 1);
        }
        TestAccount colleague = fixtures.person();
        mvc.perform(login(colleague.email(), Fixtures.PASSWORD, nat)).andExpect(authenticated());
        // the success took nothing and forgave one failure: two more typos from the NAT are still checked
        fail(fixtures.uniqueHandle(), nat, 2);
        mvc.perform(login(fixtures.uniqueHandle(), "typo", nat))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
        mvc.perform(login(colleague.email(), Fixtures.PASSWORD, nat))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
        // the address recovers by itself
        later(Duration.ofMinutes(5));
        mvc.perform(login(colleague.email(), Fixtures.PASSWORD, nat)).andExpect(authenticated());
    }

    @Test
    void ipv6AddressesAreCountedPerSlash64() throws Exception {
        int block = ADDRESS.incrementAndGet();
        for (int i = 0; i < 30; i++) {
            fail(
                    fixtures.uniqueHandle(),
                    "2001:db8:" + Integer.toHexString(block) + ":1::" + Integer.toHexString(i + 1),
                    1);
        }
        // another address of the same /64 is refused; one of another /64 is not
        mvc.perform(login(fixtures.uniqueHandle(), "guess", "2001:db8:" + Integer.toHexString(block) + ":1:ffff::9"))
                .andExpect(redirectedUrlPattern("/login?throttled&wait=*"));
        mvc.perform(login(fixtures.uniqueHandle(), "guess", "2001:db8:" + Integer.toHexString(block) + ":2::1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void keysAreBoundedWhateverIsTyped() throws Exception {
        long before = count("select count(*) from rate_limit_buckets");
        // the longest login the input limits let through (a longer one is a 400 before any lookup: HostileInputTests)
        mvc.perform(login("x".repeat(320), "guess", newAddress())).andExpect(redirectedUrl("/login?error"));
        // three buckets (place, login, address), each a 64-bit key: nothing typed is kept
        assertThat(count("select count(*) from rate_limit_buckets")).isEqualTo(before + 3);
        assertThat(jdbc.sql("select max(octet_length(state)) from rate_limit_buckets")
                        .query(Integer.class)
                        .single())
                .isLessThan(512);
    }
}
