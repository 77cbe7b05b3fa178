-- Brands are real (accounts module): signing up as a brand opens a person's account with a brand request, which
-- an admin verifies (the audited "make brand") or declines; until then the account shows as a person.
alter table accounts add column brand_requested_at timestamptz;

create index accounts_brand_requests_idx on accounts (brand_requested_at) where brand_requested_at is not null;
