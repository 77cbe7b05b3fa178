-- Email notifications (notifications module). A person chooses, per kind of notification, no mail, a mail at once
-- or the daily digest; only the choices that differ from the kind's default are stored (NotificationKind in the
-- code gives the defaults), so the 100k accounts that never opened the page have no rows.
create table notification_preferences (
    account_id bigint      not null references accounts (id) on delete cascade,
    kind       varchar(40) not null,
    delivery   varchar(10) not null check (delivery in ('OFF', 'INSTANT', 'DIGEST')),
    primary key (account_id, kind)
);

-- Per account: the language its notification mails are written in (the one of the page where the person last
-- saved their choices) and how far the daily digest got: the newest notification it told about, and when.
-- The digest job walks accounts by id and probes notifications_recipient_idx for each, in batches.
create table notification_mailing (
    account_id     bigint      primary key references accounts (id) on delete cascade,
    language       varchar(8)  not null default 'en',
    digest_up_to   bigint      not null default 0,
    digest_sent_at timestamptz
);
