-- Price history (catalog module): every price a product had, written by a trigger in the transaction that sets
-- the price, whichever path writes it (the admin's form, the demo data, the bulk loader).
create table product_prices (
    id         bigint generated always as identity primary key,
    product_id bigint         not null references products (id) on delete cascade,
    price      numeric(12, 2) not null,
    currency   varchar(3)     not null,
    changed_at timestamptz    not null
);
create index product_prices_product_idx on product_prices (product_id, changed_at desc, id desc);

create function record_product_price() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.price is distinct from old.price or new.currency is distinct from old.currency then
        insert into product_prices (product_id, price, currency, changed_at)
        -- the application's clock when it set updated_at with the price (tests move it), the database's otherwise
        values (new.id, new.price, new.currency,
                case when tg_op = 'UPDATE' and new.updated_at is not distinct from old.updated_at then now()
                     else new.updated_at end);
    end if;
    return new;
end;
$$;

create trigger products_price_history after insert or update of price, currency on products
    for each row execute function record_product_price();

-- the price every existing product has now is its first known price
insert into product_prices (product_id, price, currency, changed_at)
select id, price, currency, updated_at from products;
