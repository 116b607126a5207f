-- Outcome measures (docs/OUTCOMES.md): one row per score a patient gave on a measure, with its
-- items in a child table. The measure is named by its id (outcome/Measure), so a new measure is
-- data, not a schema change. The first score by date is the baseline. Rows are never updated.
create table outcome_score (
    id          uuid primary key default gen_random_uuid(),
    clinic_id   uuid         not null references clinic (id),
    patient_id  uuid         not null references patient (id) on delete cascade,
    measure     varchar(20)  not null,
    taken_on    date         not null,          -- the clinic's calendar day
    score       numeric(5,2) not null,          -- the measure's score, e.g. the mean of the PSFS items
    entered_by  uuid references app_user (id) on delete set null,
    source      varchar(10)  not null check (source in ('VISIT', 'PHONE')),
    created_at  timestamptz  not null
);

create index outcome_score_patient_idx on outcome_score (clinic_id, patient_id, measure, taken_on, created_at);

-- The items of a score: for the PSFS each activity the therapist named for this patient with
-- its 0-10 score (the labels of the last PSFS are offered again next time); for the NPRS one item.
create table outcome_item (
    score_id  uuid        not null references outcome_score (id) on delete cascade,
    position  smallint    not null check (position between 1 and 10),
    label     varchar(80) not null check (length(btrim(label)) between 1 and 80),
    score     smallint    not null check (score between 0 and 10),
    primary key (score_id, position)
);
