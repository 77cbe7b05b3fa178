-- Notifications.notify looks for the same actor's smile or follow of the last day before notifying again
create index notifications_repeat_idx on notifications (recipient_id, actor_id, kind, created_at desc)
    where actor_id is not null;
