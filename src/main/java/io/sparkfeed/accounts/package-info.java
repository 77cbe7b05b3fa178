/**
 * Accounts (people and brands), sign-up and login, Prime memberships and the enthusiast status an admin grants.
 * The root package is the API other modules use: {@link io.sparkfeed.accounts.Accounts},
 * {@link io.sparkfeed.accounts.Memberships} and their records.
 */
@ApplicationModule(displayName = "Accounts")
package io.sparkfeed.accounts;

import org.springframework.modulith.ApplicationModule;
