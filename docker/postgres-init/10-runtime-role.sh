#!/bin/sh
# Runs once, when the database volume is first created: the application's runtime user, which may read and write
# rows but owns nothing (Sparkfeed grants it its privileges after each migration). The schema owner is POSTGRES_USER.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v app_password="$SPARKFEED_APP_DB_PASSWORD" <<'SQL'
create role sparkfeed_app login password :'app_password';
SQL
