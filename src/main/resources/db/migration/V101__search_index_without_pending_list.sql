-- The search GIN indexes take new entries straight into the index instead of a pending list. With the pending
-- list, every search scans it linearly until vacuum merges it: measured on 1M posts after a benchmark's
-- publishing, a rare word's search took 2.5 ms, 1 ms once the list was merged. A post's few dozen lexemes cost
-- little more at publishing.
alter index posts_search_idx set (fastupdate = off);
alter index products_search_idx set (fastupdate = off);
alter index accounts_search_idx set (fastupdate = off);
-- and what the lists hold now goes into the indexes (turning the option off does not)
select gin_clean_pending_list('posts_search_idx');
select gin_clean_pending_list('products_search_idx');
select gin_clean_pending_list('accounts_search_idx');
