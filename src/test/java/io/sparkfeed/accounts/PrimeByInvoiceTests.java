package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sparkfeed.billing.Payments;
import io.sparkfeed.support.Fixtures.TestAccount;
import io.sparkfeed.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Paid Prime bought by invoice waits for the payment; an admin settles the invoice, or a gateway confirms it. */
class PrimeByInvoiceTests extends IntegrationTest {

    @Autowired
    Memberships memberships;

    @Autowired
    Payments payments;

    @Autowired
    TransactionTemplate transactions;

    private String joinByInvoice(TestAccount member) throws Exception {
        mvc.perform(post("/prime/join")
                        .param("method", "invoice")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "prime.pending.started"));
        return memberships.pending(member.id()).orElseThrow().paymentReference();
    }

    private long invoiceId(String reference) {
        return jdbc.sql("select id from invoices where reference = ?")
                .param(reference)
                .query(Long.class)
                .single();
    }

    @Test
    void anInvoiceGrantsNothingUntilAnAdminMarksItPaid() throws Exception {
        TestAccount member = fixtures.person();
        TestAccount admin = fixtures.admin();
        String reference = joinByInvoice(member);
        assertThat(memberships.isPrime(member.id())).isFalse();
        var page = Jsoup.parse(mvc.perform(get("/prime").with(member.login()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(page.select("#prime-pending").text()).contains(reference).contains("waiting for payment");
        assertThat(page.select("form[action=/prime/join]"))
                .as("no second invoice while one waits")
                .isEmpty();
        // a second join (an old form, a replay) records no second invoice
        mvc.perform(post("/prime/join")
                        .param("method", "invoice")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "prime.pending.exists"));
        assertThat(count("select count(*) from invoices where account_id = ?", member.id()))
                .isOne();

        Instant paidAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MICROS);
        clock.pin(paidAt);
        mvc.perform(post("/admin/invoices/" + invoiceId(reference) + "/paid")
                        .param("note", "bank transfer 42")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.invoices.markedPaid"));
        assertThat(memberships.isPrime(member.id())).isTrue();
        assertThat(memberships.status(member.id())).get().satisfies(status -> {
            assertThat(status.plan()).isEqualTo(Plan.PAID);
            assertThat(status.startsAt())
                    .as("the period starts when it is paid")
                    .isEqualTo(paidAt);
            assertThat(status.endsAt()).isEqualTo(paidAt.plus(Duration.ofDays(365)));
        });
        assertThat(memberships.pending(member.id())).isEmpty();
        var audit = jdbc.sql("""
                        select actor_id, action, reason, details from audit_entries
                        where target_type = 'INVOICE' and target_id = ?""").param(invoiceId(reference)).query().singleRow();
        assertThat(audit.get("actor_id")).isEqualTo(admin.id());
        assertThat(audit.get("action")).isEqualTo("INVOICE_PAID");
        assertThat(audit.get("reason")).isEqualTo("bank transfer 42");
        assertThat((String) audit.get("details")).contains(reference).contains("139.00");

        // paid once: a second click changes nothing
        mvc.perform(post("/admin/invoices/" + invoiceId(reference) + "/paid")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.invoices.notOwed"));
        assertThat(count("select count(*) from memberships where account_id = ?", member.id()))
                .isOne();
    }

    @Test
    void aVoidedInvoiceCallsThePeriodOff() throws Exception {
        TestAccount member = fixtures.person();
        TestAccount admin = fixtures.admin();
        String reference = joinByInvoice(member);
        mvc.perform(post("/admin/invoices/" + invoiceId(reference) + "/void")
                        .param("reason", " ")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.reason.required"));
        assertThat(memberships.pending(member.id())).isPresent();
        mvc.perform(post("/admin/invoices/" + invoiceId(reference) + "/void")
                        .param("reason", "never paid")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "admin.invoices.markedVoid"));
        assertThat(memberships.pending(member.id())).isEmpty();
        assertThat(memberships.isPrime(member.id())).isFalse();
        assertThat(jdbc.sql("select status from invoices where reference = ?")
                        .param(reference)
                        .query(String.class)
                        .single())
                .isEqualTo("VOID");
        mvc.perform(post("/admin/invoices/" + invoiceId(reference) + "/paid")
                        .with(admin.login())
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "admin.invoices.notOwed"));
        assertThat(memberships.isPrime(member.id())).isFalse();
    }

    @Test
    void anEndedMembershipIsNotBackByJoiningAgainByInvoice() throws Exception {
        TestAccount member = fixtures.primeMember();
        TestAccount admin = fixtures.admin();
        mvc.perform(post("/admin/members/" + member.id() + "/end")
                .param("reason", "chargeback")
                .with(admin.login())
                .with(csrf()));
        assertThat(memberships.isPrime(member.id())).isFalse();
        joinByInvoice(member);
        assertThat(memberships.isPrime(member.id())).isFalse();
    }

    @Test
    void aCardGatewaysApprovalStartsPrimeAtOnce() throws Exception {
        TestAccount member = fixtures.person();
        mvc.perform(post("/prime/join")
                        .param("method", "card")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "prime.joined"));
        assertThat(memberships.isPrime(member.id())).isTrue();
        assertThat(memberships.pending(member.id())).isEmpty();
    }

    @Test
    void aGatewayThatConfirmsLaterStartsPrimeWhenItDoes() throws Exception {
        TestAccount member = fixtures.person();
        String reference = joinByInvoice(member);
        transactions.executeWithoutResult(tx -> payments.confirm("invoice", reference, member.id()));
        assertThat(memberships.isPrime(member.id())).isTrue();
        // the same confirmation again (a processor retries its webhook) adds no second period
        transactions.executeWithoutResult(tx -> payments.confirm("invoice", reference, member.id()));
        assertThat(count("select count(*) from memberships where account_id = ?", member.id()))
                .isOne();
    }

    @Test
    void theInvoicesPageIsForAdminsOnly() throws Exception {
        TestAccount member = fixtures.primeMember();
        String reference = joinByInvoice(fixtures.person());
        mvc.perform(get("/admin/invoices").with(member.login())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/invoices/" + invoiceId(reference) + "/paid")
                        .with(member.login())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from invoices where reference = ?")
                        .param(reference)
                        .query(String.class)
                        .single())
                .isEqualTo("OWED");
    }
}
