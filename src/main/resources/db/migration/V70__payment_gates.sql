-- Payment gates: paid Prime bought by invoice waits for the payment; an order counts towards the minimum spend
-- once paid; an unpaid order gives its stock back after a while; an admin settles invoices.

-- A paid Prime period bought through a payment that is not confirmed yet. The period itself (memberships) is
-- written only when the payment is confirmed, so nothing that reads memberships can take a promise for Prime.
create table membership_purchases (
    id                bigserial   primary key,
    account_id        bigint      not null references accounts (id),
    payment_method    varchar(20) not null,
    payment_reference varchar(40) not null unique,
    status            varchar(10) not null check (status in ('PENDING', 'PAID', 'VOID')),
    created_at        timestamptz not null default now(),
    settled_at        timestamptz,
    check ((status = 'PENDING') = (settled_at is null))
);
-- one invoice at a time waits for Prime, whatever the concurrency
create unique index membership_purchases_one_pending_key on membership_purchases (account_id) where status = 'PENDING';

alter table invoices add column settled_at timestamptz;
-- the admin's list, newest first, all of them or one status
create index invoices_status_idx on invoices (status, id desc);

-- when the order's payment was confirmed (null: still owed)
alter table orders add column paid_at timestamptz;
-- EXPIRED: unpaid for too long, its stock given back
alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check
    check (status in ('PLACED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'EXPIRED'));
-- orders paid by an invoice already settled before this version count as paid
update orders o set paid_at = i.created_at
from invoices i
where i.reference = o.payment_reference and i.status = 'PAID' and o.paid_at is null;
-- the release job's candidates (oldest first) and each account's open unpaid orders
create index orders_unpaid_idx on orders (created_at, id) where status = 'PLACED' and paid_at is null;
create index orders_payment_reference_idx on orders (payment_reference) where payment_reference is not null;

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('SMILE', 'COMMENT', 'FOLLOW',
    'PURCHASE', 'POST_HIDDEN', 'COMMENT_HIDDEN', 'ENTHUSIAST_APPROVED', 'ENTHUSIAST_DECLINED', 'ORDER_EXPIRED'));
