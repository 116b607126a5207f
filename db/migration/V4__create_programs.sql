-- A home program is a patient's (or, as a template, nobody's) list of exercises with dosage.
-- Saving publishes an immutable version; later features attach handouts and check-ins to it.
create table program (
    id               uuid primary key default gen_random_uuid(),
    clinic_id        uuid references clinic (id),            -- null: a built-in template
    patient_id       uuid references patient (id) on delete cascade,
    template_name    varchar(120),
    template_scope   varchar(10) check (template_scope in ('PERSONAL', 'CLINIC', 'BUILT_IN')),
    template_slug    varchar(80) unique,                    -- built-in templates only
    owner_id         uuid references app_user (id) on delete set null,
    current_version  integer     not null default 0,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    -- Either a patient's program or a template, never both.
    check ((patient_id is null) = (template_scope is not null)),
    check (template_scope is null or length(btrim(template_name)) between 3 and 120),
    -- Only built-in templates lack a clinic.
    check (clinic_id is not null or template_scope = 'BUILT_IN'),
    check (template_scope is distinct from 'BUILT_IN' or clinic_id is null)
);

-- At most one home program per patient.
create unique index program_patient_key on program (patient_id) where patient_id is not null;
create index program_clinic_template_idx on program (clinic_id, template_scope) where template_scope is not null;

create table program_version (
    id            uuid primary key default gen_random_uuid(),
    program_id    uuid        not null references program (id) on delete cascade,
    number        integer     not null check (number >= 1),
    published_at  timestamptz not null,
    published_by  uuid references app_user (id) on delete set null,
    changes       text[]      not null default '{}',
    unique (program_id, number)
);

create table program_item (
    id                  uuid primary key default gen_random_uuid(),
    program_version_id  uuid        not null references program_version (id) on delete cascade,
    position            integer     not null check (position >= 0),
    exercise_id         uuid        not null references exercise (id),
    sets                integer     not null check (sets between 1 and 10),
    repetitions         integer     not null check (repetitions between 1 and 100),
    hold_seconds        integer     not null check (hold_seconds between 0 and 300),
    sides               varchar(20) not null check (sides in ('EACH_SIDE', 'BOTH_TOGETHER', 'ALTERNATE', 'NONE')),
    times_per_day       integer     not null check (times_per_day between 1 and 6),
    days_per_week       integer     not null check (days_per_week between 1 and 7),
    note                varchar(500) not null default '',
    unique (program_version_id, position)
);

create index program_item_exercise_idx on program_item (exercise_id);
