-- A patient's reminder calendar subscription (webcal): a token of its own, separate from the
-- phone link, so that it can be turned off alone. Like the phone link, the token is not stored:
-- it is derived from the random nonce and the access key, and only its SHA-256 is kept for lookup.
-- It hangs on the phone access: a revoked or reissued access ends the feed with it.
create table calendar_feed (
    id            uuid primary key default gen_random_uuid(),
    clinic_id     uuid        not null references clinic (id),
    access_id     uuid        not null references program_access (id) on delete cascade,
    nonce         bytea       not null check (length(nonce) = 32),
    token_hash    bytea       not null unique check (length(token_hash) = 32),
    -- The times of day the patient chose, one per daily session ("08:00", "18:00").
    reminder_times time[]     not null check (cardinality(reminder_times) between 1 and 6),
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    uuid references app_user (id) on delete set null,
    last_used_at  timestamptz
);

-- One live feed per phone access.
create unique index calendar_feed_live_key on calendar_feed (access_id) where revoked_at is null;
