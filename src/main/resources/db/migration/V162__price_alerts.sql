-- Price alerts (collections module): how much a saved product must drop before its saver hears of it, and
-- whether they also want a mail (off by default), in the language they chose it in.
create table alert_settings (
    account_id        bigint      primary key references accounts (id) on delete cascade,
    threshold_percent integer     not null default 10 check (threshold_percent between 1 and 90),
    email             boolean     not null default false,
    language          varchar(2)  not null default 'en',
    updated_at        timestamptz not null
);

-- notifications: an alert is about a product; one event now tells many people, so its key is the event, the
-- recipient and the post (an order from two posts still tells about each).
alter table notifications add column product_id bigint;
create unique index notifications_event_recipient_idx
    on notifications (event_id, recipient_id, coalesce(post_id, 0)) where event_id is not null;
drop index notifications_event_idx;

-- the kinds are the notifications module's strings (NotificationView's message keys); a list here had to be
-- rewritten by every module adding one, and two branches doing so would drop each other's. NOT VALID: every row
-- already passed the stricter list.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind ~ '^[A-Z][A-Z_]{0,19}$') not valid;
