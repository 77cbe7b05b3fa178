-- Reports: any signed-in account reports a post, a comment or an account. An admin handles every open report
-- of an item at once; the reporter then sees the outcome.
create table reports (
    id          bigserial primary key,
    reporter_id bigint        not null references accounts (id),
    target_type varchar(10)   not null check (target_type in ('POST', 'COMMENT', 'ACCOUNT')),
    target_id   bigint        not null,
    reason      varchar(30)   not null check (reason in ('SPAM', 'UNDISCLOSED_ADVERTISING', 'COUNTERFEIT',
                                                         'HARASSMENT', 'NUDITY_OR_VIOLENCE', 'OTHER')),
    details     varchar(1000),
    status      varchar(10)   not null default 'OPEN' check (status in ('OPEN', 'HANDLED')),
    outcome     varchar(20)   check (outcome in ('DISMISSED', 'CONTENT_HIDDEN', 'AUTHOR_SUSPENDED')),
    handled_by  bigint        references accounts (id),
    handled_at  timestamptz,
    created_at  timestamptz   not null default now(),
    check (reason <> 'OTHER' or details is not null),
    check ((status = 'OPEN') = (outcome is null))
);
-- one open report per reporter per item, whatever the concurrency
create unique index reports_one_open_key on reports (reporter_id, target_type, target_id) where status = 'OPEN';
create index reports_queue_idx on reports (target_type, target_id) where status = 'OPEN';
create index reports_reporter_idx on reports (reporter_id, created_at desc);

-- The enthusiast program: a Prime member applies, an admin approves or declines with a reason.
create table enthusiast_applications (
    id              bigserial primary key,
    account_id      bigint        not null references accounts (id),
    pitch           varchar(2000) not null,
    interests       varchar(500)  not null,
    links           varchar(1000),
    status          varchar(10)   not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'DECLINED')),
    decision_reason varchar(1000),
    decided_by      bigint        references accounts (id),
    decided_at      timestamptz,
    created_at      timestamptz   not null default now()
);
create unique index enthusiast_applications_one_pending_key on enthusiast_applications (account_id)
    where status = 'PENDING';
create index enthusiast_applications_account_idx on enthusiast_applications (account_id, created_at desc);

-- Posts an enthusiast suspension hid, so that reinstating puts exactly those back.
create table enthusiast_hidden_posts (
    account_id bigint not null references accounts (id),
    post_id    bigint not null references posts (id) on delete cascade,
    primary key (account_id, post_id)
);
