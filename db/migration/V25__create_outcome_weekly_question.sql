-- The phone page's weekly outcome question (docs/OUTCOMES.md). One row per patient whose
-- therapist picked a weekday; without a row the question comes on the weekday the patient's
-- program started. Per patient, not per program: the scores belong to the patient.
create table outcome_schedule (
    patient_id  uuid        primary key references patient (id) on delete cascade,
    clinic_id   uuid        not null references clinic (id),
    weekday     smallint    not null check (weekday between 1 and 7),   -- ISO: 1 = Monday
    changed_by  uuid        references app_user (id) on delete set null,
    changed_at  timestamptz not null
);

-- One row per week the question was answered or put off ("Not now"), keyed by the day the
-- question came. The key is what makes a double tap or a resend store one answer only.
create table outcome_prompt (
    patient_id    uuid        not null references patient (id) on delete cascade,
    clinic_id     uuid        not null references clinic (id),
    due_on        date        not null,          -- the chosen weekday this answer belongs to
    answer        varchar(10) not null check (answer in ('ANSWERED', 'SKIPPED')),
    answered_on   date        not null,          -- the clinic's calendar day it was given
    created_at    timestamptz not null,
    primary key (patient_id, due_on)
);
