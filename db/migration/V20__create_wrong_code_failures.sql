-- Wrong access codes on the phone page, one row per counted failure. Kept here, not in memory,
-- so that a restart or a second server does not forget them. A key is either a client
-- ("addr:" and the normalised address, IPv6 per /64) or a code prefix ("prefix:" and the first
-- four characters typed). Rows older than the window are deleted on the next wrong code.
create table wrong_code_failure (
    counter_key  varchar(80) not null,
    failed_at    timestamptz not null
);

create index wrong_code_failure_key_idx on wrong_code_failure (counter_key, failed_at);
create index wrong_code_failure_at_idx on wrong_code_failure (failed_at);
