-- Bucket4j's token buckets (RateLimits): one row per limit and key in use, the key a 64-bit hash, the state
-- Bucket4j's own serialisation; expires_at (epoch milliseconds) is when the bucket is full again, so a row past it
-- carries no information and is removed; explicit_lock is the advisory lock id Bucket4j takes (the same hash).
create table rate_limit_buckets (
    id         bigint primary key,
    state      bytea,
    expires_at bigint,
    explicit_lock bigint
);
create index rate_limit_buckets_expires on rate_limit_buckets (expires_at);
