-- Which parts of the demo data this database has loaded (see io.sparkfeed.demo.DemoSeeder).
create table demo_seed_steps (
    name      varchar(60) primary key,
    loaded_at timestamptz not null default now()
);
