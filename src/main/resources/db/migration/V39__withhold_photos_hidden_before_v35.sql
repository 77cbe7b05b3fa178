-- Posts hidden before V35 existed: withhold their photos as a takedown now does (the photo of a hidden post that
-- no visible post and no product shows), with the hidden post's author as the one who may still see it.
insert into withheld_images (image_key, owner_id)
select distinct on (p.image_key) p.image_key, p.author_id
from posts p
where p.hidden_at is not null
  and not exists (select 1 from posts o where o.image_key = p.image_key and o.hidden_at is null)
  and not exists (select 1 from product_images pi where pi.image_key = p.image_key)
order by p.image_key, p.hidden_at
on conflict do nothing;
