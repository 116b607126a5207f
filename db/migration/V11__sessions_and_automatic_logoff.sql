-- Automatic logoff: staff are signed out after this many minutes without using the app.
alter table clinic add column idle_logoff_minutes integer not null default 15
    check (idle_logoff_minutes between 5 and 60);

-- Revocation: every signed-in session remembers the epoch it started in and is refused on its
-- next request once the epoch moves on (account disabled, role changed, password reset or
-- changed, logged out). The reason is shown on the login page, without details.
alter table app_user add column session_epoch integer not null default 0;
alter table app_user add column session_end_reason varchar(20)
    check (session_end_reason in ('ACCOUNT_CHANGED', 'PASSWORD_CHANGED', 'SIGNED_OUT'));

-- Program edits not saved yet, kept as they are typed so that a logoff (or a closed tab) does
-- not lose them; one per person and patient, offered back when the editor opens again.
create table program_draft (
    user_id       uuid        not null references app_user (id) on delete cascade,
    patient_id    uuid        not null references patient (id) on delete cascade,
    clinic_id     uuid        not null references clinic (id),
    base_version  integer     not null,
    items         text        not null,
    saved_at      timestamptz not null,
    primary key (user_id, patient_id)
);
create index program_draft_patient_idx on program_draft (patient_id);
