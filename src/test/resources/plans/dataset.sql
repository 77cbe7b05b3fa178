-- The plan tests' data (see PlanDatabase): :posts posts by a tenth as many accounts, deterministic. A fifth of the
-- accounts post; 1-2 products, 2 interests and 2-3 hashtags a post (a long tail, #cozy on one post in twenty,
-- #raretag on ten posts); 'lamp' in one caption in ten and 'quokka' in ten; every account follows ten others and
-- picks five interests; the first account follows :follows accounts and picks ten. The search triggers are off
-- while posts are written; the search column is computed in bulk with posts_search_refresh()'s formula.
alter table posts disable trigger posts_search_post;
alter table post_tags disable trigger posts_search_tags;
alter table post_hashtags disable trigger posts_search_hashtags;
insert into accounts (email, handle, display_name, password_hash)
select 'gen' || i || '@plans.test', 'gen' || i, 'Generated ' || i, '{noop}unused' from generate_series(1, :posts / 10) i;
insert into memberships (account_id, plan, starts_at, ends_at)
select id, 'PAID', now() - interval '1 day', now() + interval '300 days' from accounts where handle like 'gen%';
insert into images (key, width, height, widths, content_type, bytes)
select md5('plans' || i), 1200, 900, '{320,640,1200}', 'image/jpeg', 1000 from generate_series(1, 10) i;
insert into products (title, brand, price, currency, description, category, stock)
select (array['Oak', 'Brass', 'Linen', 'Stoneware'])[1 + i % 4] || ' '
       || (array['lamp', 'chair', 'mug', 'boots', 'jacket', 'kettle', 'rug', 'desk'])[1 + i % 8] || ' ' || i,
       'Brand ' || i % 50, 10 + i % 90, 'USD', 'Generated for the plan tests', 'Home', 100
from generate_series(1, greatest(100, :posts / 100)) i;
create temp table plan_posts on commit drop as
select i, (select min(id) from accounts where handle like 'gen%') + abs(hashtext('a' || i)) % (:posts / 50) as author_id,
       now() - (:posts - i) * interval '10 minutes' as created_at,
       'My ' || (array['mug', 'chair', 'jacket', 'boots', 'kettle', 'rug', 'desk', 'plant', 'book', 'bike'])[1 + i % 10]
       || case when i % 10 = 3 then ' lamp' else '' end
       || case when i % (:posts / 10) = 7 then ' quokka' else '' end
       || ' #t' || floor(exp((abs(hashtext('h' || i)) % 1000) / 1000.0 * ln(:posts)))::int
       || ' #u' || floor(exp((abs(hashtext('g' || i)) % 1000) / 1000.0 * ln(:posts)))::int
       || case when i % 20 = 0 then ' #cozy' else '' end
       || case when i % (:posts / 10) = 5 then ' #raretag' else '' end as caption,
       i % 200 = 0 as hidden
from generate_series(1, :posts) i;
insert into posts (author_id, image_key, alt_text, caption, created_at, updated_at, hidden_at, hidden_reason)
select author_id, md5('plans' || (1 + i % 10)), 'A generated photo', caption, created_at, created_at,
       case when hidden then created_at end, case when hidden then 'Generated takedown' end
from plan_posts order by i;
insert into post_hashtags (post_id, tag, created_at, hidden)
select distinct p.id, lower(m[1]), p.created_at, p.hidden_at is not null
from posts p, regexp_matches(p.caption, '#(\w+)', 'g') m;
insert into post_tags (post_id, position, product_id, x, y, created_at, hidden)
select p.id, k, (select min(id) from products) + abs(hashtext(p.id || 'p' || k)) % greatest(100, :posts / 100),
       0.5, 0.5, p.created_at, p.hidden_at is not null
from posts p, generate_series(0, 1) k where k = 0 or p.id % 2 = 0;
insert into post_interests (post_id, interest_id, created_at, hidden)
select distinct p.id, 1 + abs(hashtext(p.id || 'i' || k)) % 20, p.created_at, p.hidden_at is not null
from posts p, generate_series(1, 2) k;
insert into account_interests (account_id, interest_id)
select distinct a.id, 1 + abs(hashtext(a.id || 'i' || k)) % 20 from accounts a, generate_series(1, 5) k
where a.handle like 'gen%';
insert into follows (follower_id, followed_id)
select distinct a.id, f.followed_id
from accounts a, generate_series(1, 10) k, lateral (select (select min(id) from accounts where handle like 'gen%')
    + abs(hashtext(a.id || 'f' || k)) % (:posts / 50) as followed_id) f
where a.handle like 'gen%' and f.followed_id <> a.id
on conflict do nothing;
insert into follows (follower_id, followed_id)
select a.id, a.id + g from (select min(id) as id from accounts where handle like 'gen%') a, generate_series(1, :follows) g
on conflict do nothing;
insert into account_interests (account_id, interest_id)
select (select min(id) from accounts where handle like 'gen%'), i from generate_series(1, 10) i on conflict do nothing;
update posts p set search = sparkfeed_text_vector('B', p.caption)
    || coalesce((select sparkfeed_text_vector('A', string_agg(h.tag, ' ')) from post_hashtags h where h.post_id = p.id), '')
    || coalesce((select sparkfeed_text_vector('A', string_agg(pr.title || ' ' || pr.brand, ' '))
                 from post_tags t join products pr on pr.id = t.product_id where t.post_id = p.id), '');
alter table posts enable trigger posts_search_post;
alter table post_tags enable trigger posts_search_tags;
alter table post_hashtags enable trigger posts_search_hashtags;
