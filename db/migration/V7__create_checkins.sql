-- Patients reach their program without a password: one access per program (not per version),
-- holding a link token and a short code. Neither is stored in clear: the database keeps a
-- SHA-256 of the token and a keyed hash of the code; the printer re-derives both from the
-- row's random nonce and a key kept outside the database (see docs/CHECKIN.md).
create table program_access (
    id            uuid primary key default gen_random_uuid(),
    clinic_id     uuid        not null references clinic (id),
    program_id    uuid        not null references program (id) on delete cascade,
    nonce         bytea       not null check (length(nonce) = 32),
    token_hash    bytea       not null unique check (length(token_hash) = 32),
    code_hash     bytea       not null check (length(code_hash) = 32),
    created_at    timestamptz not null,
    created_by    uuid references app_user (id) on delete set null,
    revoked_at    timestamptz,
    revoked_by    uuid references app_user (id) on delete set null,
    last_used_at  timestamptz
);

-- One live access per program; a live code is never shared by two programs.
create unique index program_access_live_key on program_access (program_id) where revoked_at is null;
create unique index program_access_live_code_key on program_access (code_hash) where revoked_at is null;

-- A patient's phone holds only a random session id; this table holds its hash. Revoking the
-- access ends every session made from it.
create table patient_session (
    id_hash       bytea primary key check (length(id_hash) = 32),
    access_id     uuid        not null references program_access (id) on delete cascade,
    created_at    timestamptz not null,
    last_seen_at  timestamptz not null
);

create index patient_session_access_idx on patient_session (access_id);

-- One row per session a patient did (or skipped and said why), from the phone or from the
-- paper log. It records the version and the dosage it answers, as prescribed at the time.
create table checkin (
    id                  uuid primary key default gen_random_uuid(),
    clinic_id           uuid        not null references clinic (id),
    patient_id          uuid        not null references patient (id) on delete cascade,
    program_id          uuid        not null references program (id) on delete cascade,
    program_version_id  uuid        not null references program_version (id) on delete cascade,
    local_date          date        not null,          -- the clinic's calendar day
    session_number      integer     not null check (session_number between 1 and 6),
    status              varchar(10) not null check (status in ('DONE', 'SKIPPED')),
    skip_reason         varchar(20) check (skip_reason in ('NO_TIME', 'FORGOT', 'PAIN', 'NOT_SURE_HOW', 'OTHER')),
    pain                smallint    check (pain between 0 and 10),
    difficulty          varchar(12) check (difficulty in ('EASY', 'ABOUT_RIGHT', 'HARD')),
    symptoms            text[]      not null default '{}',
    comment             varchar(500) not null default '',
    source              varchar(10) not null check (source in ('PATIENT', 'PAPER')),
    entered_by          uuid references app_user (id) on delete set null,
    idempotency_key     uuid        not null,
    created_at          timestamptz not null,
    withdrawn_at        timestamptz,                   -- undone by the patient within minutes
    check ((status = 'SKIPPED') = (skip_reason is not null)),
    check (symptoms <@ array['NUMBNESS_TINGLING', 'PAIN_DOWN_LEG', 'SHARP_PAIN', 'NEW_WEAKNESS']::text[])
);

-- A resent form (same key) is the same check-in; a session is counted at most once a day.
create unique index checkin_idempotency_key on checkin (program_id, idempotency_key);
create unique index checkin_session_key on checkin (program_id, local_date, session_number) where withdrawn_at is null;
create index checkin_patient_date_idx on checkin (clinic_id, patient_id, local_date);

-- The exercises of the session, with the dosage prescribed for each (wger-style target beside result).
create table checkin_exercise (
    checkin_id      uuid        not null references checkin (id) on delete cascade,
    position        integer     not null check (position >= 0),
    exercise_id     uuid        not null references exercise (id),
    exercise_name   varchar(120) not null,
    sets            integer     not null,
    repetitions     integer     not null,
    hold_seconds    integer     not null,
    sides           varchar(20) not null,
    times_per_day   integer     not null,
    days_per_week   integer     not null,
    done            boolean     not null,
    primary key (checkin_id, position)
);
