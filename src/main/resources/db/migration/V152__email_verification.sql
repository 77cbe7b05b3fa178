-- Verified addresses (accounts module). An account opened by sign-up has no verified address until its owner
-- follows the mailed link; accounts that exist already (and bulk-loaded ones) count as verified, which the default
-- gives them without rewriting the table.
alter table accounts add column email_verified_at timestamptz default now();

-- a token that verifies an address carries that address: sign-up's, or the new one of an address change
alter table account_tokens add column email varchar(320);
alter table account_tokens drop constraint account_tokens_purpose_check;
alter table account_tokens add constraint account_tokens_purpose_check
    check (purpose in ('PASSWORD_RESET', 'EMAIL_VERIFY', 'EMAIL_CHANGE'));
