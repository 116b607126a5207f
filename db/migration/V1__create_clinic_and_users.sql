-- Clinics are the unit of isolation: every later table with patient data carries clinic_id.
create table clinic (
    id          uuid primary key default gen_random_uuid(),
    name        varchar(120) not null check (length(btrim(name)) between 1 and 120),
    time_zone   varchar(64)  not null,
    created_at  timestamptz  not null,
    version     integer      not null default 0
);

create table app_user (
    id             uuid primary key default gen_random_uuid(),
    clinic_id      uuid         not null references clinic (id),
    email          varchar(254) not null,
    display_name   varchar(120) not null check (length(btrim(display_name)) between 1 and 120),
    password_hash  varchar(200) not null,
    role           varchar(20)  not null check (role in ('ADMIN', 'THERAPIST')),
    enabled        boolean      not null default true,
    created_at     timestamptz  not null,
    version        integer      not null default 0
);

-- Sign-in is by email, case-insensitively, across the whole installation.
create unique index app_user_email_key on app_user (lower(email));
create index app_user_clinic_idx on app_user (clinic_id, display_name);
