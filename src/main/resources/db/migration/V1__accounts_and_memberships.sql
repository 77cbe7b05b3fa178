-- Accounts: people and brands. Email and handle are unique whatever their case.
create table accounts (
    id                bigserial primary key,
    email             varchar(254) not null,
    handle            varchar(30)  not null,
    display_name      varchar(60)  not null,
    password_hash     varchar(100) not null,
    kind              varchar(10)  not null default 'PERSON' check (kind in ('PERSON', 'BRAND')),
    admin             boolean      not null default false,
    enthusiast        varchar(12)  not null default 'NONE'
                          check (enthusiast in ('NONE', 'APPROVED', 'SUSPENDED', 'REVOKED')),
    suspended_at      timestamptz,
    suspension_reason varchar(500),
    created_at        timestamptz  not null default now()
);
create unique index accounts_email_key on accounts (lower(email));
create unique index accounts_handle_key on accounts (lower(handle));

-- Prime: an account is Prime while one of its memberships covers now (starts_at <= now < ends_at).
create table memberships (
    id         bigserial primary key,
    account_id bigint      not null references accounts (id),
    plan       varchar(10) not null check (plan in ('TRIAL', 'PAID')),
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    created_at timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index memberships_account_idx on memberships (account_id, ends_at desc);
-- the free trial is once per account, whatever the concurrency
create unique index memberships_one_trial_key on memberships (account_id) where plan = 'TRIAL';

-- What a payment method recorded; "pay by invoice" leaves an invoice owed.
create table invoices (
    id          bigserial primary key,
    account_id  bigint        not null references accounts (id),
    method      varchar(20)   not null,
    description varchar(200)  not null,
    amount      numeric(12, 2) not null check (amount >= 0),
    currency    varchar(3)    not null,
    status      varchar(10)   not null check (status in ('OWED', 'PAID', 'VOID')),
    reference   varchar(40)   not null unique,
    created_at  timestamptz   not null default now()
);
create index invoices_account_idx on invoices (account_id, created_at desc);

-- Append-only trail of every admin action.
create table audit_entries (
    id          bigserial primary key,
    actor_id    bigint       not null references accounts (id),
    action      varchar(60)  not null,
    target_type varchar(30)  not null,
    target_id   bigint       not null,
    reason      varchar(1000),
    details     varchar(1000),
    created_at  timestamptz  not null default now()
);
create index audit_entries_created_idx on audit_entries (created_at desc, id desc);
create index audit_entries_target_idx on audit_entries (target_type, target_id);

create function audit_entries_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only';
end;
$$;
create trigger audit_entries_no_update before update or delete on audit_entries
    for each row execute function audit_entries_are_append_only();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_entries_are_append_only();
