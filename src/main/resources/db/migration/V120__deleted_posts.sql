-- What remains of a post its author deleted: its id and when, nothing the author wrote. The post page answers
-- 410 Gone for these (and for hidden posts) instead of 404, so search engines drop the address.
create table deleted_posts (
    post_id    bigint      primary key,
    deleted_at timestamptz not null
);
