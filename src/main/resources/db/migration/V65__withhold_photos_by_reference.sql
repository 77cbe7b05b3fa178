-- A photo is withheld while no visible post and no product shows it, computed from those references on each
-- /media request (media asks the modules that show images). The table of holds goes: a takedown, a restore and a
-- delete of another post with the same photo could leave it saying the opposite of the references.
drop table withheld_images;
-- what /media and deleting a post now ask about an image
create index if not exists posts_image_key on posts (image_key);
create index if not exists product_images_image_key on product_images (image_key);
