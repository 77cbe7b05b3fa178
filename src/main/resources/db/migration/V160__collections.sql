-- Collections (collections module): what a person saved, in "Saved" (made on the first save) and in named
-- collections, each private or public.
create table collections (
    id         bigint generated always as identity primary key,
    owner_id   bigint      not null references accounts (id) on delete cascade,
    name       varchar(60) not null,
    is_default boolean     not null default false,
    public     boolean     not null default false,
    item_count integer     not null default 0 check (item_count >= 0),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index collections_owner_idx on collections (owner_id, is_default desc, lower(name), id);
create unique index collections_owner_default_idx on collections (owner_id) where is_default;
create unique index collections_owner_name_idx on collections (owner_id, lower(name));
create index collections_public_idx on collections (id) where public;

-- An item is a post or a product; owner_id repeats the collection's owner, so "saved by me" and "who saved this
-- product" are one index probe each.
create table collection_items (
    id            bigint generated always as identity primary key,
    collection_id bigint      not null references collections (id) on delete cascade,
    owner_id      bigint      not null,
    post_id       bigint references posts (id) on delete cascade,
    product_id    bigint references products (id) on delete cascade,
    added_at      timestamptz not null,
    check ((post_id is null) <> (product_id is null))
);
create unique index collection_items_post_idx on collection_items (collection_id, post_id) where post_id is not null;
create unique index collection_items_product_idx on collection_items (collection_id, product_id)
    where product_id is not null;
create index collection_items_page_idx on collection_items (collection_id, added_at desc, id desc);
create index collection_items_saver_post_idx on collection_items (post_id, owner_id) where post_id is not null;
create index collection_items_saver_product_idx on collection_items (product_id, owner_id)
    where product_id is not null;

-- posts: how many accounts saved the post, moved in the save's transaction (like smile_count). NOT VALID: no scan
-- of a million posts; every new and updated row is checked.
alter table posts add column save_count integer not null default 0;
alter table posts add constraint posts_save_count_check check (save_count >= 0) not valid;
