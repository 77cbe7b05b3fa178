-- Views a module publishes for other modules to read (docs/architecture.md, "Views other modules read"): the owner
-- keeps their columns' meaning while its tables change, and SqlOwnershipTests keeps other modules off the tables.
-- Plain views: PostgreSQL inlines them, so a query on one uses the indexes of the table behind it.

-- accounts: who someone is, as any page names them
create view account_names as
select id, handle, display_name, kind, enthusiast, suspended_at
from accounts;

-- media: an image's size and its derivatives' widths, for img srcset and layout
create view image_sizes as
select key, width, height, widths
from images;

-- posts: a post's author, caption, time and whether it is hidden
create view post_facts as
select id, author_id, caption, created_at, hidden_at
from posts;

-- posts: a comment's post, author, text and whether it is hidden
create view comment_facts as
select id, post_id, author_id, body, hidden_at
from comments;

-- posts: the rule for which post may be credited with a purchase of a product: a visible post that tags it
create view post_credits as
select distinct t.post_id, t.product_id
from post_tags t
join posts p on p.id = t.post_id
where p.hidden_at is null;
