-- Typo-tolerant search over names and aliases.
create extension if not exists pg_trgm;

-- Built-in exercises have no clinic and are read-only; custom ones belong to one clinic.
create table exercise (
    id              uuid primary key default gen_random_uuid(),
    clinic_id       uuid references clinic (id),
    slug            varchar(160) not null,
    name            varchar(120) not null check (length(btrim(name)) between 3 and 120),
    aliases         text[]       not null default '{}',
    purpose         varchar(300) not null default '',
    position        varchar(30)  not null,
    body_areas      text[]       not null,
    equipment       text[]       not null,
    in_bed          boolean      not null,
    best_time       varchar(10)  not null check (best_time in ('MORNING', 'BEDTIME', 'ANY')),
    steps           text[]       not null check (cardinality(steps) between 1 and 15),
    tips            text[]       not null default '{}',
    stop_if         text[]       not null default '{}',
    sets            integer      not null check (sets between 1 and 10),
    repetitions     integer      not null check (repetitions between 1 and 100),
    hold_seconds    integer      not null check (hold_seconds between 0 and 300),
    sides           varchar(20)  not null check (sides in ('EACH_SIDE', 'BOTH_TOGETHER', 'ALTERNATE', 'NONE')),
    times_per_day   integer      not null check (times_per_day between 1 and 6),
    days_per_week   integer      not null check (days_per_week between 1 and 7),
    sources         text[]       not null default '{}',
    archived        boolean      not null default false,
    -- For built-ins: hash of the shipped content, so an upgrade rewrites only what changed.
    content_hash    varchar(64),
    -- Kept up to date by the application on every write.
    search_terms    text         not null,
    search_document tsvector     not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         integer      not null default 0
);

create unique index exercise_slug_key on exercise (slug);
create unique index exercise_custom_name_key on exercise (clinic_id, lower(name)) where clinic_id is not null;
create index exercise_clinic_idx on exercise (clinic_id);
create index exercise_search_document_idx on exercise using gin (search_document);
create index exercise_search_terms_trgm_idx on exercise using gin (search_terms gin_trgm_ops);

create table exercise_photo (
    exercise_id  uuid primary key references exercise (id) on delete cascade,
    media_type   varchar(40) not null,
    content      bytea       not null,
    uploaded_at  timestamptz not null
);

create table exercise_favourite (
    user_id      uuid not null references app_user (id) on delete cascade,
    exercise_id  uuid not null references exercise (id) on delete cascade,
    created_at   timestamptz not null,
    primary key (user_id, exercise_id)
);
