-- Photos of hidden posts. /media serves a withheld image only to its owner (the hidden post's author) and to
-- admins, never with public caching. Read in the same statement that already finds the image row on every
-- /media request, so every instance sees a takedown at once and other images cost no extra query.
create table withheld_images (
    image_key   varchar(64) primary key references images (key) on delete cascade,
    owner_id    bigint      not null references accounts (id) on delete cascade,
    withheld_at timestamptz not null default now()
);
