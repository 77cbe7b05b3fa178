-- Account deletion (accounts module): a person asks with their password, and the account waits here through its
-- grace period; logging in, or cancelling at /me/data, deletes the row. When due_at has passed, one instance takes
-- the row (FOR UPDATE SKIP LOCKED), every module erases its own rows of the account, the account row is
-- anonymised (it stays: orders, invoices and the audit trail point at it) and the row here goes.
create table account_deletions (
    account_id   bigint      primary key references accounts (id),
    requested_at timestamptz not null,
    due_at       timestamptz not null
);
create index account_deletions_due_idx on account_deletions (due_at);

-- when the account was deleted and anonymised; such an account is also suspended, so every list leaves it out
alter table accounts add column deleted_at timestamptz;

-- the erasure finds the notifications about what a person did by their id
create index notifications_actor_idx on notifications (actor_id) where actor_id is not null;
