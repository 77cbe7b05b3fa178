-- The shop: one shipping address per account, carts, orders with what was paid, and per-post daily counters.
create table shipping_addresses (
    account_id bigint       primary key references accounts (id),
    name       varchar(100) not null,
    line1      varchar(200) not null,
    line2      varchar(200) not null default '',
    city       varchar(100) not null,
    postcode   varchar(20)  not null,
    country    varchar(60)  not null,
    updated_at timestamptz  not null default now()
);

-- post_id credits the post whose hotspot led here; the product page without one is a plain line
create table cart_lines (
    id         bigserial   primary key,
    account_id bigint      not null references accounts (id),
    product_id bigint      not null references products (id),
    quantity   integer     not null check (quantity between 1 and 99),
    post_id    bigint      references posts (id) on delete set null,
    created_at timestamptz not null default now()
);
create unique index cart_lines_key on cart_lines (account_id, product_id, coalesce(post_id, 0));

create table orders (
    id               bigserial      primary key,
    account_id       bigint         not null references accounts (id),
    status           varchar(10)    not null check (status in ('PLACED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    total            numeric(12, 2) not null check (total >= 0),
    currency         varchar(3)     not null,
    ship_name        varchar(100)   not null,
    ship_line1       varchar(200)   not null,
    ship_line2       varchar(200)   not null default '',
    ship_city        varchar(100)   not null,
    ship_postcode    varchar(20)    not null,
    ship_country     varchar(60)    not null,
    payment_method   varchar(20)    not null,
    payment_reference varchar(40),
    idempotency_key  varchar(64)    not null,
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now(),
    -- a replayed or double-clicked submit finds the first order instead of placing a second
    unique (account_id, idempotency_key)
);
create index orders_account_idx on orders (account_id, created_at desc, id desc);

create table order_lines (
    order_id   bigint         not null references orders (id) on delete cascade,
    position   integer        not null,
    product_id bigint         not null references products (id),
    title      varchar(160)   not null,
    price      numeric(12, 2) not null check (price >= 0),
    quantity   integer        not null check (quantity >= 1),
    post_id    bigint         references posts (id) on delete set null,
    primary key (order_id, position)
);
create index order_lines_post_idx on order_lines (post_id) where post_id is not null;

-- views and product-card opens per post and day, flushed in batches from memory
create table post_daily_stats (
    post_id    bigint  not null references posts (id) on delete cascade,
    day        date    not null,
    views      bigint  not null default 0,
    card_opens bigint  not null default 0,
    primary key (post_id, day)
);
