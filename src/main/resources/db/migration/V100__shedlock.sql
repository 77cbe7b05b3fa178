-- ShedLock's locks (SchedulingConfig): one row per locked job, so that a cluster runs each job once at a time.
-- The columns are ShedLock's PostgreSQL layout; with usingDbTime() it writes them in UTC from the database clock.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
