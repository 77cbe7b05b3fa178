-- Every signed-in session carries the account's session_version from its login; a request whose session holds an
-- older one is signed out. "Log out everywhere" adds one (with remember_me_version), which ends every session of
-- the account on every instance at its next request. A constant default: no table rewrite on a large table.
alter table accounts add column session_version integer not null default 0;
