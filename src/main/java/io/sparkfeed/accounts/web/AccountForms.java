package io.sparkfeed.accounts.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the password and address pages send; the password rules beyond length live in PasswordPolicy. */
final class AccountForms {

    private AccountForms() {}

    /** "Forgot password": the address to mail a link to. */
    record Forgot(
            @NotBlank(message = "{signup.email.required}")
            @Email(message = "{signup.email.invalid}")
            @Size(max = 254, message = "{signup.email.invalid}")
            String email) {}

    /** A new password, with the token of the link that opened the form. */
    record Reset(
            @Size(max = 64) String token,

            @NotNull(message = "{signup.password.tooShort}") @Size(max = 200, message = "{signup.password.tooLong}")
            String password) {}

    /** A new password for a signed-in account, which gives its current one. */
    record Change(
            @NotBlank(message = "{password.change.currentRequired}")
            @Size(max = 200, message = "{password.change.wrongCurrent}")
            String current,

            @NotNull(message = "{signup.password.tooShort}") @Size(max = 200, message = "{signup.password.tooLong}")
            String password) {}

    /** A new address for a signed-in account, which gives its current password. */
    record NewEmail(
            @NotBlank(message = "{signup.email.required}")
            @Email(message = "{signup.email.invalid}")
            @Size(max = 254, message = "{signup.email.invalid}")
            String email,

            @NotBlank(message = "{password.change.currentRequired}")
            @Size(max = 200, message = "{password.change.wrongCurrent}")
            String current) {}

    /** The password that confirms the deletion of one's account. */
    record Delete(
            @NotBlank(message = "{password.change.currentRequired}")
            @Size(max = 200, message = "{password.change.wrongCurrent}")
            String current) {}
}
