-- Interests people pick at onboarding and posts carry (one to three).
create table interests (
    id       integer  primary key,
    slug     varchar(40) not null unique,
    position integer     not null
);
insert into interests (id, slug, position) values
    (1, 'style', 1), (2, 'home', 2), (3, 'cooking', 3), (4, 'outdoors', 4), (5, 'tech', 5),
    (6, 'beauty', 6), (7, 'fitness', 7), (8, 'kids', 8), (9, 'pets', 9), (10, 'books', 10),
    (11, 'gaming', 11), (12, 'travel', 12), (13, 'music', 13), (14, 'art', 14), (15, 'garden', 15),
    (16, 'coffee', 16), (17, 'photography', 17), (18, 'diy', 18), (19, 'wellness', 19), (20, 'gifts', 20);

create table account_interests (
    account_id  bigint   not null references accounts (id) on delete cascade,
    interest_id integer  not null references interests (id),
    primary key (account_id, interest_id)
);
create index account_interests_interest_idx on account_interests (interest_id);

create table post_interests (
    post_id     bigint   not null references posts (id) on delete cascade,
    interest_id integer  not null references interests (id),
    primary key (post_id, interest_id)
);
create index post_interests_interest_idx on post_interests (interest_id, post_id);

-- Whether the personal feed leaves out posts whose products the viewer already bought (on by default).
alter table accounts add column hide_purchased boolean not null default true;

-- One follow per pair, whatever the concurrency.
create table follows (
    follower_id bigint      not null references accounts (id) on delete cascade,
    followed_id bigint      not null references accounts (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (follower_id, followed_id),
    check (follower_id <> followed_id)
);
create index follows_followed_idx on follows (followed_id, created_at desc);

-- What happened to an author's posts and account; never an order detail, only that someone bought.
create table notifications (
    id           bigserial primary key,
    recipient_id bigint      not null references accounts (id) on delete cascade,
    kind         varchar(20) not null check (kind in ('SMILE', 'COMMENT', 'FOLLOW', 'PURCHASE')),
    actor_id     bigint references accounts (id) on delete set null,
    post_id      bigint references posts (id) on delete cascade,
    read_at      timestamptz,
    created_at   timestamptz not null default now()
);
create index notifications_recipient_idx on notifications (recipient_id, created_at desc, id desc);
create index notifications_unread_idx on notifications (recipient_id) where read_at is null;

-- Full-text search in English and French, kept current by the database itself.
alter table posts add column search tsvector;
alter table products add column search tsvector;
alter table accounts add column search tsvector;
create index posts_search_idx on posts using gin (search);
create index products_search_idx on products using gin (search);
create index accounts_search_idx on accounts using gin (search);

create function sparkfeed_text_vector(weight "char", body text) returns tsvector language sql immutable as $$
    select setweight(to_tsvector('english', coalesce(body, '')), weight)
        || setweight(to_tsvector('french', coalesce(body, '')), weight)
        || setweight(to_tsvector('simple', coalesce(body, '')), weight)
$$;

create function products_search_update() returns trigger language plpgsql as $$
begin
    new.search := sparkfeed_text_vector('A', new.title) || sparkfeed_text_vector('A', new.brand)
        || sparkfeed_text_vector('C', new.description);
    return new;
end;
$$;
create trigger products_search before insert or update of title, brand, description on products
    for each row execute function products_search_update();
update products set title = title;

create function accounts_search_update() returns trigger language plpgsql as $$
begin
    new.search := setweight(to_tsvector('simple', coalesce(new.handle, '')), 'A')
        || sparkfeed_text_vector('A', new.display_name);
    return new;
end;
$$;
create trigger accounts_search before insert or update of handle, display_name on accounts
    for each row execute function accounts_search_update();
update accounts set handle = handle;

-- a post is found by its caption and hashtags, and by the titles and brands of the products it tags
create function posts_search_refresh(target bigint) returns void language sql as $$
    update posts p set search = sparkfeed_text_vector('B', p.caption)
        || coalesce((select sparkfeed_text_vector('A', string_agg(h.tag, ' ')) from post_hashtags h where h.post_id = p.id), '')
        || coalesce((select sparkfeed_text_vector('A', string_agg(pr.title || ' ' || pr.brand, ' '))
                     from post_tags t join products pr on pr.id = t.product_id where t.post_id = p.id), '')
    where p.id = target
$$;
create function posts_search_on_post() returns trigger language plpgsql as $$
begin
    perform posts_search_refresh(new.id);
    return null;
end;
$$;
create trigger posts_search_post after insert or update of caption on posts
    for each row execute function posts_search_on_post();
create function posts_search_on_child() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform posts_search_refresh(old.post_id);
    else
        perform posts_search_refresh(new.post_id);
    end if;
    return null;
end;
$$;
create trigger posts_search_tags after insert or update or delete on post_tags
    for each row execute function posts_search_on_child();
create trigger posts_search_hashtags after insert or update or delete on post_hashtags
    for each row execute function posts_search_on_child();
select posts_search_refresh(id) from posts;
