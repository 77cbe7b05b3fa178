-- Shoppable photo posts: one photo, alt text, a caption, a disclosure, and up to 10 product tags on the photo.
create table posts (
    id               bigserial primary key,
    author_id        bigint        not null references accounts (id),
    image_key        varchar(64)   not null references images (key),
    alt_text         varchar(300)  not null,
    caption          varchar(2200) not null default '',
    disclosure       varchar(10)   not null default 'NONE' check (disclosure in ('NONE', 'PAID', 'GIFTED')),
    disclosure_brand varchar(80),
    smile_count      integer       not null default 0 check (smile_count >= 0),
    comment_count    integer       not null default 0 check (comment_count >= 0),
    hidden_at        timestamptz,
    hidden_reason    varchar(1000),
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    check ((disclosure = 'NONE') = (disclosure_brand is null))
);
-- the public feed: newest first, keyset-paged, visible posts only
create index posts_feed_idx on posts (created_at desc, id desc) where hidden_at is null;
create index posts_author_idx on posts (author_id, created_at desc, id desc);

create table post_tags (
    post_id    bigint       not null references posts (id) on delete cascade,
    position   integer      not null check (position between 0 and 9),
    product_id bigint       not null references products (id),
    x          numeric(5, 4) not null check (x between 0 and 1),
    y          numeric(5, 4) not null check (y between 0 and 1),
    primary key (post_id, position)
);
create index post_tags_product_idx on post_tags (product_id, post_id);

create table post_hashtags (
    post_id bigint       not null references posts (id) on delete cascade,
    tag     varchar(100) not null,
    primary key (post_id, tag)
);
create index post_hashtags_tag_idx on post_hashtags (tag, post_id);

-- one smile per account and post, whatever the concurrency; posts.smile_count follows the rows
create table smiles (
    post_id    bigint      not null references posts (id) on delete cascade,
    account_id bigint      not null references accounts (id),
    created_at timestamptz not null default now(),
    primary key (post_id, account_id)
);

create table comments (
    id            bigserial primary key,
    post_id       bigint        not null references posts (id) on delete cascade,
    author_id     bigint        not null references accounts (id),
    body          varchar(1000) not null,
    hidden_at     timestamptz,
    hidden_reason varchar(1000),
    created_at    timestamptz   not null default now()
);
create index comments_post_idx on comments (post_id, created_at, id);
