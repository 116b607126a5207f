-- A therapist marked a worsening outcome score as reviewed on the worklist (docs/WORKLIST.md).
-- One row per patient, measure and latest score: a second click stores nothing (the unique key),
-- and a later, worse score is a new item to review. Kept, never updated.
-- Warning signs, pain and lapsed patients are reviewed in adherence_review (V9), shared with
-- the adherence dashboard.
create table worklist_review (
    id           uuid primary key default gen_random_uuid(),
    clinic_id    uuid        not null references clinic (id),
    patient_id   uuid        not null references patient (id) on delete cascade,
    measure      varchar(20) not null,
    score_id     uuid        not null references outcome_score (id) on delete cascade,
    reviewed_by  uuid references app_user (id) on delete set null,
    reviewed_at  timestamptz not null,
    unique (clinic_id, patient_id, measure, score_id)
);
