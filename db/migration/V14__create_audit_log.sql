-- Audit trail: who did what to which patient, when and from where. Append-only: a trigger
-- refuses UPDATE, DELETE and TRUNCATE, and each entry carries a SHA-256 hash over its content
-- and the previous entry's hash (one chain per clinic), so an edit behind the app's back is found.
create table audit_entry (
    id              bigserial    primary key,
    clinic_id       uuid         not null references clinic (id),
    sequence_no     bigint       not null check (sequence_no >= 1),
    occurred_at     timestamptz  not null,
    actor_id        uuid,
    actor_kind      varchar(10)  not null check (actor_kind in ('STAFF', 'PATIENT', 'SYSTEM')),
    action          varchar(40)  not null,
    -- No foreign key: the entry must outlive the patient it names.
    patient_id      uuid,
    detail          varchar(200) not null default '',
    client_address  varchar(64),
    previous_hash   bytea        not null check (length(previous_hash) = 32),
    hash            bytea        not null check (length(hash) = 32),
    unique (clinic_id, sequence_no)
);

create index audit_entry_clinic_time_idx on audit_entry (clinic_id, occurred_at);
create index audit_entry_clinic_patient_idx on audit_entry (clinic_id, patient_id, occurred_at);

create function audit_entry_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Audit entries are never changed or removed.';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
