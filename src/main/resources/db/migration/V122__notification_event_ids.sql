-- A notification names the event that caused it, so an event delivered twice (a publication resubmitted after its
-- instance stopped before recording the completion) writes it once. One event may tell about several posts (an
-- order bought from two posts), hence the post in the key. Older rows have no event id and are left out of the
-- index, which therefore starts empty.
alter table notifications add column event_id uuid;
create unique index notifications_event_idx on notifications (event_id, coalesce(post_id, 0)) where event_id is not null;
