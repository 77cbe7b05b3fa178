-- The single-use tokens mailed to an account (accounts module): a password reset (30 minutes), and later an
-- address to verify. Only the SHA-256 of a token is stored, so this table never holds a usable link; using a token
-- stamps used_at in the same statement that checks it, so a token works once even when two tries race.
create table account_tokens (
    token_hash bytea       primary key,
    account_id bigint      not null references accounts (id) on delete cascade,
    purpose    varchar(20) not null check (purpose in ('PASSWORD_RESET')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index account_tokens_account_idx on account_tokens (account_id, purpose);
