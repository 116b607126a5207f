-- A therapist's note that they looked at a reason a patient was flagged for on the adherence
-- dashboard. Kept, never updated, so the record shows who reviewed what and when.
create table adherence_review (
    id           uuid primary key default gen_random_uuid(),
    clinic_id    uuid        not null references clinic (id),
    patient_id   uuid        not null references patient (id) on delete cascade,
    reason       varchar(20) not null check (reason in ('RED_FLAG', 'PAIN', 'NO_CHECKIN', 'LOW_ADHERENCE')),
    reviewed_by  uuid references app_user (id) on delete set null,
    reviewed_at  timestamptz not null
);

create index adherence_review_patient_idx on adherence_review (clinic_id, patient_id, reason, reviewed_at desc);

-- The dashboard reads the last few weeks of a clinic's check-ins at once: by date, not by patient.
create index checkin_clinic_recent_idx on checkin (clinic_id, local_date) where withdrawn_at is null;
