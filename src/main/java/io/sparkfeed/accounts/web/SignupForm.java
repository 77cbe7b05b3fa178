package io.sparkfeed.accounts.web;

import io.sparkfeed.accounts.AccountKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the sign-up form sends; the password rules beyond length live in PasswordPolicy. */
record SignupForm(
        @NotBlank(message = "{signup.email.required}")
        @Email(message = "{signup.email.invalid}")
        @Size(max = 254, message = "{signup.email.invalid}")
        String email,

        @NotBlank(message = "{signup.displayName.required}") @Size(max = 60, message = "{signup.displayName.tooLong}")
        String displayName,

        @NotBlank(message = "{signup.handle.required}")
        @Pattern(regexp = "@?[A-Za-z0-9_]{3,30}", message = "{signup.handle.invalid}")
        String handle,

        @NotNull(message = "{signup.password.tooShort}") @Size(max = 200, message = "{signup.password.tooLong}")
        String password,

        AccountKind kind) {

    static SignupForm empty() {
        return new SignupForm("", "", "", "", AccountKind.PERSON);
    }

    AccountKind kindOrPerson() {
        return kind == null ? AccountKind.PERSON : kind;
    }
}
