-- The generated benchmark dataset (see io.sparkfeed.bench.DatasetGenerator), in one transaction. Every value is a
-- function of its row number, so the same size gives the same data on every run. Statements end with ";" at the end
-- of a line; the comment line above each one names the step in the log. Parameters: :posts, :accounts, :products,
-- :accountBase, :postBase, :productBase, :orderBase, :commentBase (ids start after the highest ones already there),
-- :photos (the keys of the photos, already in images, comma-separated), :passwordHash, :rareTag, :rareWord.
--
-- The search triggers of posts (V30, deferred to commit since V40) refresh a post's row once for the post and again
-- for each tag and hashtag row: millions of single-row updates at 1M posts. They are switched off for this transaction (ALTER TABLE is
-- transactional: a failure switches them back on) and the search column is computed here, in bulk, with the same
-- formula as posts_search_refresh(). If that formula changes, change the "posts" step below with it.

-- uniform number in [0, 1) for a row number and a stream, the same on every run
create function pg_temp.u(n bigint, stream int) returns float8 language sql immutable as
    'select (hashint8extended(n, stream) & 2147483647) / 2147483648.0';

-- switch off the per-row search triggers
alter table posts disable trigger posts_search_post;

-- switch off the per-row search triggers of tags
alter table post_tags disable trigger posts_search_tags;

-- switch off the per-row search triggers of hashtags
alter table post_hashtags disable trigger posts_search_hashtags;

-- accounts: people named userN, one shared password; one in twenty an approved enthusiast
insert into accounts (id, email, handle, display_name, password_hash, enthusiast, created_at)
select :accountBase + a, 'user' || a || '@bench.sparkfeed.test', 'user' || a,
       (array['Ada', 'Noor', 'Kai', 'Lena', 'Omar', 'Ines', 'Yuki', 'Sam', 'Zoe', 'Ravi', 'Mila', 'Theo'])
           [1 + floor(12 * pg_temp.u(a, 1))::int] || ' '
       || (array['Berg', 'Costa', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski'])
           [1 + floor(10 * pg_temp.u(a, 2))::int],
       :passwordHash,
       case when a % 20 = 0 then 'APPROVED' else 'NONE' end,
       now() - interval '400 days' + a * (interval '30 days' / :accounts)
from generate_series(1, :accounts) a;

-- paid Prime for everyone, so any of them may smile, follow, comment and post
insert into memberships (account_id, plan, starts_at, ends_at, created_at)
select :accountBase + a, 'PAID', now() - interval '30 days', now() + interval '335 days', now() - interval '30 days'
from generate_series(1, :accounts) a;

-- five interests each
insert into account_interests (account_id, interest_id)
select :accountBase + a, 1 + (floor(20 * pg_temp.u(a, 3))::int + k * 3) % 20
from generate_series(1, :accounts) a, generate_series(0, 4) k;

-- a shipping address each, so that buying is two clicks
insert into shipping_addresses (account_id, name, line1, city, postcode, country)
select :accountBase + a, 'User ' || a, a || ' Benchmark Street', 'Lyon', '69001', 'France'
from generate_series(1, :accounts) a;

-- products: one in sixteen is a lamp (the common search word), all with plenty of stock
insert into products (id, title, brand, price, currency, description, category, stock, created_at, updated_at)
select :productBase + i,
       (array['Stoneware', 'Brass', 'Linen', 'Oak', 'Recycled', 'Compact', 'Classic', 'Travel'])
           [1 + i % 8] || ' '
       || (array['mug', 'lamp', 'water bottle', 'planter', 'headphones', 'watch', 'cookbook', 'running shoes',
                 'backpack', 'candle', 'salad bowl', 'film camera', 'notebook', 'scarf', 'teapot', 'yoga mat'])
           [1 + (i / 8) % 16] || ' ' || i,
       (array['Hearth & Kiln', 'Lumen Row', 'Northwind Outfitters', 'Green Corner', 'Quiet Audio', 'Tempo & Co',
              'Paper Kitchen', 'Stride Lab', 'Grain Optics'])[1 + i % 9],
       (5 + (i * 37) % 290)::numeric(12, 2),
       'USD',
       'A generated product for the benchmark.',
       (array['Home', 'Tech', 'Outdoors', 'Style', 'Cooking', 'Fitness', 'Books'])[1 + i % 7],
       1000000,
       now() - interval '500 days', now() - interval '500 days'
from generate_series(1, :products) i;

-- product photos
insert into product_images (product_id, position, image_key)
select :productBase + i, 0, (string_to_array(:photos, ','))[1 + i % cardinality(string_to_array(:photos, ','))]
from generate_series(1, :products) i;

-- the plan of every post: author (a fifth of the accounts post, a few of them a lot), 1-3 products (some sell
-- much more than others), 1-3 interests, 1-3 hashtags (common ones like #cozy, then a long tail, and the rare tag on
-- ten posts), smiles and comments
create temp table bench_plan on commit drop as
select n,
       :postBase + n as id,
       :accountBase + 1 + floor(greatest(:accounts / 5, 1) * power(pg_temp.u(n, 1), 2))::bigint as author_id,
       array(select :productBase + 1 + (floor(:products * power(pg_temp.u(n, 2), 2))::bigint + k * 7919) % :products
             from generate_series(0, floor(3 * pg_temp.u(n, 3))::int) k) as product_ids,
       array(select 1 + (floor(20 * pg_temp.u(n, 4))::int + k * 7) % 20
             from generate_series(0, floor(3 * pg_temp.u(n, 5))::int) k) as interest_ids,
       array(select distinct t from (
                 select case when pg_temp.u(n, 10 + k) < 0.45
                     then (array['cozy', 'homedecor', 'coffee', 'ootd', 'desksetup', 'plants', 'cooking', 'fitness',
                                 'travel', 'gifts', 'tech', 'slowliving', 'weekend', 'books', 'hiking', 'running',
                                 'film', 'hygge', 'minimal', 'vintage', 'kitchen', 'workfromhome', 'selfcare', 'diy',
                                 'garden', 'pets', 'gaming', 'music', 'art', 'everydaycarry'])
                          [1 + floor(30 * power(pg_temp.u(n, 20 + k), 2))::int]
                     else (array['find', 'haul', 'shelfie', 'flatlay', 'makers', 'smallbatch', 'handmade', 'thrift',
                                 'nook', 'ritual'])[1 + floor(10 * pg_temp.u(n, 30 + k))::int]
                          || floor(exp(pg_temp.u(n, 40 + k) * ln(greatest(:posts / 10, 1000))))::bigint
                     end
                 from generate_series(0, floor(3 * pg_temp.u(n, 6))::int) k
                 union all
                 select :rareTag where n % greatest(:posts / 10, 1) = 0) tags(t)) as tags,
       (array['Morning ritual, finally sorted.', 'On my desk every day for a year and I still love it.',
              'Light, tough, nothing I do not need.', 'Three months in and thriving.', 'Deep work mode.',
              'Sunday cooking with the books that taught me.', 'My knees are happy.',
              'Cosy corner for the long evenings.', 'Salad season all year round.', 'Packed for three days.'])
           [1 + floor(10 * pg_temp.u(n, 7))::int]
       || case when n % greatest(:posts / 10, 1) = greatest(:posts / 20, 1) % greatest(:posts / 10, 1)
               then ' Spotted a ' || :rareWord || ' on the way.' else '' end as text,
       case when pg_temp.u(n, 8) < 0.05 then 'PAID' when pg_temp.u(n, 8) < 0.08 then 'GIFTED' else 'NONE' end
           as disclosure,
       floor(6 * power(pg_temp.u(n, 9), 4))::int as smiles,
       case when pg_temp.u(n, 50) < 0.15 then 1 when pg_temp.u(n, 50) < 0.2 then 3 else 0 end as comments,
       n % 997 = 3 as hidden,
       now() - interval '365 days' + n * (interval '365 days' / :posts) as created_at
from generate_series(1, :posts) n;

-- posts, with their search column computed as posts_search_refresh() does
insert into posts (id, author_id, image_key, alt_text, caption, disclosure, disclosure_brand, smile_count,
                   comment_count, hidden_at, hidden_reason, created_at, updated_at, search)
select p.id, p.author_id,
       (string_to_array(:photos, ','))[1 + p.n % cardinality(string_to_array(:photos, ','))],
       'A still life of everyday things on a table',
       p.caption, p.disclosure,
       case when p.disclosure = 'NONE' then null else 'Northwind Outfitters' end,
       p.smiles, p.comments,
       case when p.hidden then p.created_at + interval '1 hour' end,
       case when p.hidden then 'Generated takedown' end,
       p.created_at, p.created_at,
       sparkfeed_text_vector('B', p.caption)
       || coalesce(sparkfeed_text_vector('A', array_to_string(p.tags, ' ')), '')
       || coalesce((select sparkfeed_text_vector('A', string_agg(pr.title || ' ' || pr.brand, ' '))
                    from products pr where pr.id = any (p.product_ids)), '')
from (select bp.*, bp.text || ' ' || (select string_agg('#' || t, ' ') from unnest(bp.tags) t) as caption
      from bench_plan bp) p
order by p.n;

-- product tags on the photo; each link row carries its post's created_at and hidden state (V40), given here so
-- that the fill trigger has nothing to look up
insert into post_tags (post_id, position, product_id, x, y, created_at, hidden)
select p.id, t.k - 1, t.product_id, (0.2 + 0.3 * (t.k - 1))::numeric(5, 4), (0.45 + 0.1 * (t.k % 2))::numeric(5, 4),
       p.created_at, p.hidden
from bench_plan p, unnest(p.product_ids) with ordinality t(product_id, k);

-- hashtags
insert into post_hashtags (post_id, tag, created_at, hidden)
select p.id, t, p.created_at, p.hidden from bench_plan p, unnest(p.tags) t;

-- interests
insert into post_interests (post_id, interest_id, created_at, hidden)
select p.id, i, p.created_at, p.hidden from bench_plan p, unnest(p.interest_ids) i;

-- smiles (posts.smile_count was set from the same plan)
insert into smiles (post_id, account_id, created_at)
select p.id, :accountBase + 1 + (floor(:accounts * pg_temp.u(p.n, 60))::bigint + k * 7) % :accounts,
       p.created_at + k * interval '1 hour'
from bench_plan p, generate_series(0, p.smiles - 1) k;

-- comments (posts.comment_count was set from the same plan)
insert into comments (id, post_id, author_id, body, created_at)
select :commentBase + p.n * 4 + k, p.id,
       :accountBase + 1 + (floor(:accounts * pg_temp.u(p.n, 61))::bigint + k * 11) % :accounts,
       (array['Love this!', 'Where did you find it?', 'Adding this to my list.', 'Such a calm photo.'])[1 + k],
       p.created_at + (k + 1) * interval '2 hours'
from bench_plan p, generate_series(0, p.comments - 1) k;

-- follows: ten picks each, mostly of the accounts that post a lot
insert into follows (follower_id, followed_id, created_at)
select :accountBase + a,
       :accountBase + 1 + floor(greatest(:accounts / 5, 1) * power(pg_temp.u(a * 16 + k, 70), 2))::bigint,
       now() - interval '200 days' + k * interval '10 days'
from generate_series(1, :accounts) a, generate_series(0, 9) k
where :accountBase + a <> :accountBase + 1 + floor(greatest(:accounts / 5, 1) * power(pg_temp.u(a * 16 + k, 70), 2))::bigint
on conflict do nothing;

-- orders: one delivered order per account, over 60.00 (the posting rule's minimum spend), credited to a post that
-- tags the product
create temp table bench_orders on commit drop as
select :orderBase + a as id, :accountBase + a as account_id, p.id as post_id, pr.id as product_id, pr.title,
       pr.price, ceil(60 / pr.price)::int as quantity,
       now() - interval '180 days' + a * (interval '179 days' / :accounts) as created_at
from generate_series(1, :accounts) a
join bench_plan p on p.n = 1 + floor(:posts * pg_temp.u(a, 80))::bigint
join products pr on pr.id = p.product_ids[1];

-- the orders
insert into orders (id, account_id, status, total, currency, ship_name, ship_line1, ship_city, ship_postcode,
                    ship_country, payment_method, payment_reference, idempotency_key, created_at, updated_at, paid_at)
select o.id, o.account_id, 'DELIVERED', o.price * o.quantity, 'USD', 'Bench Buyer', '1 Benchmark Street', 'Lyon',
       '69001', 'France', 'invoice', 'BENCH-' || o.id, 'bench-' || o.id, o.created_at, o.created_at, o.created_at
from bench_orders o;

-- their lines
insert into order_lines (order_id, position, product_id, title, price, quantity, post_id)
select o.id, 0, o.product_id, o.title, o.price, o.quantity, o.post_id from bench_orders o;

-- their invoices, paid
insert into invoices (account_id, method, description, amount, currency, status, reference, created_at, settled_at)
select o.account_id, 'invoice', 'Order ' || o.id, o.price * o.quantity, 'USD', 'PAID', 'BENCH-' || o.id, o.created_at,
       o.created_at
from bench_orders o;

-- notifications of smiles, comments and follows; those older than two days were read
insert into notifications (recipient_id, kind, actor_id, post_id, read_at, created_at)
select n.recipient_id, n.kind, n.actor_id, n.post_id,
       case when n.created_at < now() - interval '2 days' then n.created_at + interval '1 hour' end, n.created_at
from (select p.author_id as recipient_id, 'SMILE' as kind, s.account_id as actor_id, s.post_id, s.created_at
      from smiles s join bench_plan p on p.id = s.post_id
      union all
      select p.author_id, 'COMMENT', c.author_id, c.post_id, c.created_at
      from comments c join bench_plan p on p.id = c.post_id
      union all
      select f.followed_id, 'FOLLOW', f.follower_id, null, f.created_at
      from follows f where f.follower_id > :accountBase) n
where n.recipient_id <> n.actor_id
order by n.created_at;

-- collections: one account in fifty keeps a public collection of posts (the benchmark reads one)
insert into collections (owner_id, name, public, created_at, updated_at)
select :accountBase + a, 'Favourites of user' || a, true, now() - interval '30 days', now() - interval '1 day'
from generate_series(1, :accounts, 50) a;

-- their items: sixty picks each, saved twelve hours apart
insert into collection_items (collection_id, owner_id, post_id, added_at)
select c.id, c.owner_id, p.id, now() - interval '30 days' + k * interval '12 hours'
from collections c cross join generate_series(0, 59) k
join bench_plan p on p.n = 1 + floor(:posts * pg_temp.u(c.owner_id * 64 + k, 90))::bigint
where c.owner_id > :accountBase
on conflict do nothing;

-- the collections' counts
update collections c set item_count = (select count(*) from collection_items i where i.collection_id = c.id)
where c.owner_id > :accountBase;

-- the saved posts' counts
update posts p set save_count = s.savers
from (select post_id, count(distinct owner_id) as savers from collection_items
      where owner_id > :accountBase group by post_id) s
where p.id = s.post_id;

-- the sequences go on after the generated ids
select setval('accounts_id_seq', (select max(id) from accounts)),
       setval('posts_id_seq', (select max(id) from posts)),
       setval('products_id_seq', (select max(id) from products)),
       setval('orders_id_seq', (select max(id) from orders)),
       setval('comments_id_seq', (select max(id) from comments));

-- the search triggers of posts on again
alter table posts enable trigger posts_search_post;

-- the search triggers of tags on again
alter table post_tags enable trigger posts_search_tags;

-- the search triggers of hashtags on again
alter table post_hashtags enable trigger posts_search_hashtags;
