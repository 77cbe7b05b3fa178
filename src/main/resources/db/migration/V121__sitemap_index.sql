-- The sitemap lists visible posts by id with when each changed: an index-only range scan of this partial index,
-- whatever share of posts is hidden. Built in one pass over posts (seconds at 1M posts).
create index posts_sitemap_idx on posts (id) include (updated_at) where hidden_at is null;
