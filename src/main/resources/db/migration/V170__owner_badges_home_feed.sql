-- posts: a tag shows "Bought here" when the post's author bought the tagged product through Sparkfeed (an order
-- that is paid and neither cancelled nor expired). The shop's fact, kept on the tag by posts (OwnerBadges) when a
-- post is published or edited and when the author's order is paid or cancelled, so that a card reads it with its
-- tags at no cost. Set-based backfill from the orders there are.
alter table post_tags add column author_bought boolean not null default false;
update post_tags t set author_bought = true
from posts p,
     (select distinct o.account_id, l.product_id
      from orders o join order_lines l on l.order_id = o.id
      where o.paid_at is not null and o.status not in ('CANCELLED', 'EXPIRED')) b
where p.id = t.post_id and b.account_id = p.author_id and b.product_id = t.product_id;

-- accounts: which tab the front page opens on for a signed-in account (For you or Latest), as they last chose
alter table accounts add column home_feed varchar(10) not null default 'FOR_YOU'
    check (home_feed in ('FOR_YOU', 'LATEST'));
