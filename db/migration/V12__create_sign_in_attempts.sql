-- Sign-in protection. Counters live here, not in memory, so that a restart or a second
-- server does not forget them.

-- Per account: 7 failures within 15 minutes of the first lock the account for 15 minutes.
-- A successful sign-in or an admin's unlock deletes the row.
create table sign_in_account (
    user_id       uuid        primary key references app_user (id) on delete cascade,
    failures      integer     not null check (failures >= 0),
    window_start  timestamptz not null,
    locked_until  timestamptz
);

-- Per client address (IPv6 counted per /64): after 5 failures each further attempt waits
-- 2, 4, 8 ... seconds, at most 15 minutes; 15 quiet minutes start the count again.
create table sign_in_client (
    client           varchar(64) primary key,
    failures         integer     not null check (failures >= 0),
    last_failure_at  timestamptz not null,
    blocked_until    timestamptz
);

-- Old rows hold client addresses: they are deleted once they no longer matter.
create index sign_in_client_last_failure_idx on sign_in_client (last_failure_at);
create index sign_in_account_window_idx on sign_in_account (window_start);
