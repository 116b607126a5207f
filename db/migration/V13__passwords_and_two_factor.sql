-- One-time password reset links an admin issues. Only a SHA-256 of the 256-bit token is kept:
-- a copy of the database cannot be used to reset anyone's password.
create table password_reset (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid        not null references app_user (id) on delete cascade,
    token_hash   bytea       not null unique check (length(token_hash) = 32),
    issued_by    uuid references app_user (id) on delete set null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);

create index password_reset_user_idx on password_reset (user_id);

-- Authenticator-app sign-in (TOTP, RFC 6238). The secret must be readable to check a code, so it
-- is kept as the app shows it; confirmed_at is null until the user proved their app has it.
-- last_step is the last 30-second step a code was accepted for: a code works once.
create table two_factor (
    user_id        uuid primary key references app_user (id) on delete cascade,
    secret         varchar(64) not null,
    created_at     timestamptz not null,
    confirmed_at   timestamptz,
    last_step      bigint      not null default 0,
    failed_codes   integer     not null default 0,
    locked_until   timestamptz
);

-- Ten one-time recovery codes per user, for a lost phone; only a SHA-256 of each is kept.
create table recovery_code (
    id          uuid primary key default gen_random_uuid(),
    user_id     uuid        not null references app_user (id) on delete cascade,
    code_hash   bytea       not null check (length(code_hash) = 32),
    created_at  timestamptz not null,
    used_at     timestamptz
);

create index recovery_code_user_idx on recovery_code (user_id);

-- An admin can require two-factor sign-in for everyone in the clinic.
alter table clinic add column require_two_factor boolean not null default false;
