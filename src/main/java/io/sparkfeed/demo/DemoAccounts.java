package io.sparkfeed.demo;

import io.sparkfeed.accounts.AccountKind;
import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.accounts.EnthusiastStatus;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.accounts.NewAccount;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo logins listed in the README: one account of every role. */
@Component
@Order(10)
class DemoAccounts implements DemoStep {

    static final String PASSWORD = "sparkfeed-demo";

    private final Accounts accounts;
    private final Memberships memberships;

    DemoAccounts(Accounts accounts, Memberships memberships) {
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
        memberships.joinPaid(admin, "invoice");

        for (String[] e : new String[][] {{"maya@sparkfeed.demo", "maya", "Maya Chen"},
                {"leo@sparkfeed.demo", "leo", "Léo Martin"}}) {
            long enthusiast = person(e[0], e[1], e[2]);
            memberships.joinPaid(enthusiast, "invoice");
            accounts.changeEnthusiastStatus(enthusiast, EnthusiastStatus.APPROVED);
        }
        memberships.joinPaid(person("priya@sparkfeed.demo", "priya", "Priya Patel"), "invoice");
        memberships.startTrial(person("tom@sparkfeed.demo", "tom", "Tom Becker"));
        person("sam@sparkfeed.demo", "sam", "Sam Rivera");
        accounts.register(new NewAccount("hello@northwind.demo", "northwind", "Northwind Outfitters", PASSWORD,
                AccountKind.BRAND));
    }

    private long person(String email, String handle, String name) {
        return accounts.register(new NewAccount(email, handle, name, PASSWORD, AccountKind.PERSON));
    }
}
