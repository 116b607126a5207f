-- Patients belong to exactly one clinic; every query names the clinic.
create table patient (
    id                uuid primary key default gen_random_uuid(),
    clinic_id         uuid         not null references clinic (id),
    first_name        varchar(80)  not null check (length(btrim(first_name)) between 1 and 80),
    last_name         varchar(80)  not null check (length(btrim(last_name)) between 1 and 80),
    date_of_birth     date,
    email             varchar(254),
    phone             varchar(40),
    handout_language  varchar(10)  not null default 'en',
    therapist_id      uuid references app_user (id),
    notes             varchar(4000) not null default '',
    archived          boolean      not null default false,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    version           integer      not null default 0
);

create index patient_clinic_name_idx on patient (clinic_id, lower(last_name), lower(first_name));
create index patient_clinic_therapist_idx on patient (clinic_id, therapist_id);
create index patient_name_trgm_idx on patient using gin ((lower(first_name || ' ' || last_name)) gin_trgm_ops);
