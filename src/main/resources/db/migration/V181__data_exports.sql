-- "Your data" (accounts module): an export of everything an account made, built in the background by one instance
-- (a PENDING row is claimed with FOR UPDATE SKIP LOCKED; a claim that runs out, because its instance stopped, is
-- taken again), offered for download for 7 days, then deleted. One export at a time per account.
create table data_exports (
    id            bigint generated always as identity primary key,
    account_id    bigint      not null references accounts (id) on delete cascade,
    status        varchar(10) not null check (status in ('PENDING', 'RUNNING', 'READY', 'FAILED', 'EXPIRED')),
    parts_done    integer     not null default 0,
    parts_total   integer     not null default 0,
    requested_at  timestamptz not null,
    claimed_until timestamptz,
    finished_at   timestamptz,
    expires_at    timestamptz,
    file_name     varchar(80),
    size_bytes    bigint
);

create unique index data_exports_one_active_idx on data_exports (account_id) where status in ('PENDING', 'RUNNING');
create index data_exports_account_idx on data_exports (account_id, id desc);
create index data_exports_due_idx on data_exports (id) where status in ('PENDING', 'RUNNING');
create index data_exports_expiry_idx on data_exports (expires_at) where status = 'READY';

-- an export reads a person's smiles and comments by their author
create index smiles_account_idx on smiles (account_id);
create index comments_author_idx on comments (author_id, created_at);
