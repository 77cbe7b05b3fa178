-- A post is found by the titles and brands of the products it tags (V30), so renaming a product, or changing its
-- brand, refreshes the search text of every post that tags it.
create function posts_search_on_product() returns trigger language plpgsql as $$
begin
    perform posts_search_refresh(t.post_id) from (select distinct post_id from post_tags where product_id = new.id) t;
    return null;
end;
$$;
create trigger posts_search_product after update of title, brand on products
    for each row
    when (old.title is distinct from new.title or old.brand is distinct from new.brand)
    execute function posts_search_on_product();
