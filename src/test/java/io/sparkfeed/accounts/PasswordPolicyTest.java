package io.sparkfeed.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsUnderTenCharacters() {
        assertThat(policy.problem("123456789", "a@b.c", "abc")).contains("signup.password.tooShort");
        assertThat(policy.problem(null, "a@b.c", "abc")).contains("signup.password.tooShort");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.problem("QWERTYUIOP", "a@b.c", "abc")).contains("signup.password.common");
        assertThat(policy.problem("password123", "a@b.c", "abc")).contains("signup.password.common");
    }

    @Test
    void refusesTheAccountsOwnEmailOrHandle() {
        assertThat(policy.problem("ada@example.org", "ada@example.org", "ada")).contains("signup.password.likeAccount");
        assertThat(policy.problem("adalovelace1", "ada@example.org", "AdaLovelace1"))
                .contains("signup.password.likeAccount");
    }

    @Test
    void refusesMoreThanTheSeventyTwoBytesBcryptReads() {
        assertThat(policy.problem("x".repeat(73), "a@b.c", "abc")).contains("signup.password.tooLong");
        assertThat(policy.problem("é".repeat(37), "a@b.c", "abc")).contains("signup.password.tooLong");
        assertThat(policy.problem("x".repeat(72), "a@b.c", "abc")).isEmpty();
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(policy.problem("purple kettle on sunday", "ada@example.org", "ada"))
                .isEmpty();
        assertThat(policy.problem("abcdefghi!", "ada@example.org", "ada")).isEmpty();
    }
}
