-- Every list of posts starts from an index that matches its filter and its order (newest first), so a page reads
-- about as many index entries as it shows, whether the hashtag, product or interest has ten posts or a million.
-- The rows that link a post to a hashtag, a product or an interest carry the post's created_at and whether it is
-- hidden; the database keeps both in step with the post in the same transaction (triggers below).
--
-- The three tables are rebuilt set-based rather than updated in place: one pass over each instead of rewriting
-- every row through its indexes and the search triggers (which an UPDATE would fire per row).

drop trigger posts_search_tags on post_tags;
drop trigger posts_search_hashtags on post_hashtags;

create table post_hashtags_v40 as
select h.post_id, h.tag, p.created_at, p.hidden_at is not null as hidden
from post_hashtags h join posts p on p.id = h.post_id;
drop table post_hashtags;
alter table post_hashtags_v40 rename to post_hashtags;
alter table post_hashtags alter column post_id set not null, alter column tag set not null,
    alter column created_at set not null, alter column hidden set not null;
alter table post_hashtags add primary key (post_id, tag),
    add foreign key (post_id) references posts (id) on delete cascade;
create index post_hashtags_list_idx on post_hashtags (tag, created_at desc, post_id desc) where not hidden;

create table post_tags_v40 as
select t.post_id, t.position, t.product_id, t.x, t.y, p.created_at, p.hidden_at is not null as hidden
from post_tags t join posts p on p.id = t.post_id;
drop table post_tags;
alter table post_tags_v40 rename to post_tags;
alter table post_tags alter column post_id set not null, alter column position set not null,
    alter column product_id set not null, alter column x set not null, alter column y set not null,
    alter column created_at set not null, alter column hidden set not null;
alter table post_tags add primary key (post_id, position),
    add foreign key (post_id) references posts (id) on delete cascade,
    add foreign key (product_id) references products (id),
    add check (position between 0 and 9), add check (x between 0 and 1), add check (y between 0 and 1);
-- a product's posts; also what a product rename looks up (posts_search_on_product)
create index post_tags_list_idx on post_tags (product_id, created_at desc, post_id desc) where not hidden;
create index post_tags_product_idx on post_tags (product_id, post_id);

create table post_interests_v40 as
select i.post_id, i.interest_id, p.created_at, p.hidden_at is not null as hidden
from post_interests i join posts p on p.id = i.post_id;
drop table post_interests;
alter table post_interests_v40 rename to post_interests;
alter table post_interests alter column post_id set not null, alter column interest_id set not null,
    alter column created_at set not null, alter column hidden set not null;
alter table post_interests add primary key (post_id, interest_id),
    add foreign key (post_id) references posts (id) on delete cascade,
    add foreign key (interest_id) references interests (id);
create index post_interests_list_idx on post_interests (interest_id, created_at desc, post_id desc) where not hidden;

-- a profile as others see it (visible posts only), and For you's and Following's per-author scans
create index posts_author_visible_idx on posts (author_id, created_at desc, id desc) where hidden_at is null;

-- A new link row takes its post's created_at and hidden state (the application writes only the link itself).
create function post_link_fill() returns trigger language plpgsql as $$
begin
    if new.created_at is null or new.hidden is null then
        select p.created_at, p.hidden_at is not null into new.created_at, new.hidden from posts p where p.id = new.post_id;
    end if;
    return new;
end;
$$;
create trigger post_hashtags_fill before insert on post_hashtags for each row execute function post_link_fill();
create trigger post_tags_fill before insert on post_tags for each row execute function post_link_fill();
create trigger post_interests_fill before insert on post_interests for each row execute function post_link_fill();

-- Hiding or restoring a post hides or restores its links in the same transaction.
create function post_links_hidden() returns trigger language plpgsql as $$
begin
    update post_hashtags set hidden = new.hidden_at is not null where post_id = new.id;
    update post_tags set hidden = new.hidden_at is not null where post_id = new.id;
    update post_interests set hidden = new.hidden_at is not null where post_id = new.id;
    return null;
end;
$$;
create trigger posts_links_hidden after update of hidden_at on posts
    for each row when ((old.hidden_at is null) <> (new.hidden_at is null))
    execute function post_links_hidden();

-- Publishing a post with 10 tags and 30 hashtags used to rewrite its row 41 times: the search text was rebuilt
-- after every tag and hashtag insert. The refresh now runs at commit (deferred constraint triggers), when every
-- link is written: the first one writes the row, the others find the text already current and write nothing.
create or replace function posts_search_refresh(target bigint) returns void language sql as $$
    update posts p set search = v.search
    from (select sparkfeed_text_vector('B', p2.caption)
              || coalesce((select sparkfeed_text_vector('A', string_agg(h.tag, ' ')) from post_hashtags h
                           where h.post_id = p2.id), '')
              || coalesce((select sparkfeed_text_vector('A', string_agg(pr.title || ' ' || pr.brand, ' '))
                           from post_tags t join products pr on pr.id = t.product_id where t.post_id = p2.id), '')
              as search
          from posts p2 where p2.id = target) v
    where p.id = target and p.search is distinct from v.search
$$;

drop trigger posts_search_post on posts;
create constraint trigger posts_search_post after insert or update of caption on posts
    deferrable initially deferred for each row execute function posts_search_on_post();
create constraint trigger posts_search_tags after insert or update of product_id or delete on post_tags
    deferrable initially deferred for each row execute function posts_search_on_child();
create constraint trigger posts_search_hashtags after insert or update of tag or delete on post_hashtags
    deferrable initially deferred for each row execute function posts_search_on_child();
