-- A report keeps the author of what it points at: an author who deletes reported content (which cascades) can
-- still be suspended from the queue, and the queue still says whose content it was.
alter table reports add column author_id bigint references accounts (id);
update reports r set author_id = case r.target_type
        when 'POST' then (select p.author_id from posts p where p.id = r.target_id)
        when 'COMMENT' then (select c.author_id from comments c where c.id = r.target_id)
        else (select a.id from accounts a where a.id = r.target_id) end;

-- Moderation decisions reach the person they are about; the reason is shown to them only (their notifications).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('SMILE', 'COMMENT', 'FOLLOW',
        'PURCHASE', 'ENTHUSIAST_APPROVED', 'ENTHUSIAST_DECLINED', 'POST_HIDDEN', 'COMMENT_HIDDEN'));
alter table notifications add column reason varchar(1000);
