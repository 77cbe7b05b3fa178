-- Every mail the application sends, written in the transaction of what caused it and delivered after commit
-- (mail module). A mail the SMTP server refused waits here for its next try (next_attempt_at); claimed_until keeps
-- two instances from sending it twice. With no SMTP server configured, a mail is logged (logged_at) and stays
-- readable at /admin/outbox. Delivered mails are forgotten after 30 days.
create table outbox_mails (
    id              bigint generated always as identity primary key,
    account_id      bigint       references accounts (id) on delete set null,
    template        varchar(40)  not null,
    recipient       varchar(320) not null,
    subject         varchar(300) not null,
    text_body       text         not null,
    html_body       text         not null,
    headers         jsonb        not null default '{}'::jsonb,
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    claimed_until   timestamptz,
    attempts        integer      not null default 0,
    last_error      varchar(500),
    sent_at         timestamptz,
    logged_at       timestamptz
);

-- the retry's scan: only mails still waiting, in the order they are due
create index outbox_mails_due_idx on outbox_mails (next_attempt_at, id) where sent_at is null and logged_at is null;
create index outbox_mails_account_idx on outbox_mails (account_id) where account_id is not null;
