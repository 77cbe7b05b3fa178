-- The catalog: products people tag on their photos and buy.
create table products (
    id          bigserial primary key,
    title       varchar(160)   not null,
    brand       varchar(80)    not null,
    price       numeric(12, 2) not null check (price >= 0),
    currency    varchar(3)     not null,
    description varchar(4000)  not null default '',
    category    varchar(40)    not null,
    stock       integer        not null check (stock >= 0),
    active      boolean        not null default true,
    created_at  timestamptz    not null default now(),
    updated_at  timestamptz    not null default now()
);
create index products_active_title_idx on products (active, lower(title));

-- A product's photos, in order; the first is its main image.
create table product_images (
    product_id bigint      not null references products (id) on delete cascade,
    position   integer     not null,
    image_key  varchar(64) not null references images (key),
    primary key (product_id, position)
);
