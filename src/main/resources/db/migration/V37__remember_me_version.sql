-- Part of what a remember-me cookie is signed over: logging out adds one, so every cookie issued before stops
-- signing the account in (a copied cookie included), on every device.
alter table accounts add column remember_me_version integer not null default 0;
