package io.sparkfeed.demo;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.DemoLogins;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.accounts.NewAccount;
import io.sparkfeed.billing.Invoices;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo logins listed in the README: one account of every role. */
@Component
@Order(10)
class DemoAccounts implements DemoStep {

    static final String PASSWORD = DemoLogins.PASSWORD;

    private final Accounts accounts;
    private final Memberships memberships;
    private final Invoices invoices;

    DemoAccounts(Accounts accounts, Memberships memberships, Invoices invoices) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.memberships = memberships;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public void run() {
        long admin = person("admin@sparkfeed.demo", "admin", "Ada Admin");
        accounts.makeAdmin(admin);
        paidPrime(admin, admin);

        for (String[] e : new String[][] {
            {"maya@sparkfeed.demo", "maya", "Maya Chen"}, {"leo@sparkfeed.demo", "leo", "Léo Martin"}
        }) {
            long enthusiast = person(e[0], e[1], e[2]);
            paidPrime(enthusiast, admin);
            accounts.changeEnthusiastStatus(enthusiast, EnthusiastStatus.APPROVED);
        }
        paidPrime(person("priya@sparkfeed.demo", "priya", "Priya Patel"), admin);
        memberships.startTrial(person("tom@sparkfeed.demo", "tom", "Tom Becker"));
        person("sam@sparkfeed.demo", "sam", "Sam Rivera");
        long brand = accounts.register(new NewAccount(
                "hello@northwind.demo", "northwind", "Northwind Outfitters", PASSWORD, AccountKind.BRAND, true));
        accounts.changeKind(admin, brand, AccountKind.BRAND, "Demo data: a verified brand");
    }

    /** Joins paid Prime by invoice, which the admin then marks paid, as for a real member. */
    private void paidPrime(long accountId, long admin) {
        String reference = memberships.joinPaid(accountId, "invoice").receipt().reference();
        invoices.markPaid(admin, invoices.find(reference).orElseThrow(), "Demo data");
    }

    private long person(String email, String handle, String name) {
        return accounts.register(new NewAccount(email, handle, name, PASSWORD, AccountKind.PERSON, true));
    }
}
