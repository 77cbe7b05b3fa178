-- Every publish, kept when the post is deleted: the daily posting limit counts these, so posting, deleting and
-- posting again does not get round it. Rows older than a day are never read again; the app prunes them.
create table post_publications (
    author_id    bigint      not null references accounts (id) on delete cascade,
    published_at timestamptz not null
);
create index post_publications_author_idx on post_publications (author_id, published_at desc);

insert into post_publications (author_id, published_at)
select author_id, created_at from posts where created_at > now() - interval '1 day';
