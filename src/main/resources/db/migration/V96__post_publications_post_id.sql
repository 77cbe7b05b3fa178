-- A publish record names its post, so that it can be found by key (demo data backdates the post it just
-- published). Older rows keep no post: the daily limit only counts them, and they are pruned after two days.
alter table post_publications add column post_id bigint references posts (id) on delete set null;
create index post_publications_post_idx on post_publications (post_id);
