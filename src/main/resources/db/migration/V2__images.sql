-- Images: one row per distinct photo, keyed by a hash of its content. The files (JPEG derivatives at the
-- listed widths) live in the image storage, outside the database.
create table images (
    key          varchar(64) primary key check (key ~ '^[0-9a-f]{16,64}$'),
    width        int         not null check (width > 0),
    height       int         not null check (height > 0),
    widths       int[]       not null check (cardinality(widths) > 0),
    content_type varchar(30) not null,
    bytes        bigint      not null check (bytes >= 0),
    created_at   timestamptz not null default now()
);
