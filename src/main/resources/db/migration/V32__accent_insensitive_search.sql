-- Accent-insensitive search: "decor" finds "décor", "cafe" finds "café", in English, French and as typed.
-- unaccent ships with PostgreSQL's contrib modules (in the official images and the embedded binaries) and is a
-- trusted extension, so the schema owner may create it without being a superuser.
create extension if not exists unaccent;

-- The three configurations the search columns are built with, each stripping accents before stemming. Only the
-- token types that may carry accents need it: asciiword, asciihword and their parts have none.
create text search configuration sparkfeed_english (copy = english);
alter text search configuration sparkfeed_english
    alter mapping for word, hword, hword_part with unaccent, english_stem;
create text search configuration sparkfeed_french (copy = french);
alter text search configuration sparkfeed_french
    alter mapping for word, hword, hword_part with unaccent, french_stem;
create text search configuration sparkfeed_simple (copy = simple);
alter text search configuration sparkfeed_simple
    alter mapping for word, hword, hword_part with unaccent, simple;

create or replace function sparkfeed_text_vector(weight "char", body text) returns tsvector language sql immutable as $$
    select setweight(to_tsvector('sparkfeed_english', coalesce(body, '')), weight)
        || setweight(to_tsvector('sparkfeed_french', coalesce(body, '')), weight)
        || setweight(to_tsvector('sparkfeed_simple', coalesce(body, '')), weight)
$$;

create or replace function accounts_search_update() returns trigger language plpgsql as $$
begin
    new.search := setweight(to_tsvector('sparkfeed_simple', coalesce(new.handle, '')), 'A')
        || sparkfeed_text_vector('A', new.display_name);
    return new;
end;
$$;

-- rebuild every search column with the new configurations
update products set title = title;
update accounts set handle = handle;
select posts_search_refresh(id) from posts;
