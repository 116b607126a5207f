-- Walking is prescribed in minutes, not counts: 0 means a counted exercise, as every row was before.
alter table exercise add column minutes integer not null default 0 check (minutes between 0 and 120);
alter table program_item add column minutes integer not null default 0 check (minutes between 0 and 120);
alter table checkin_exercise add column minutes integer not null default 0 check (minutes between 0 and 120);

-- Conditions and plain words a built-in exercise is found by ("sciatica", "office", "no floor").
-- Search matches them exactly and ranks them first; see docs/CATALOG.md, "Search words".
alter table exercise add column tags text[] not null default '{}';
create index exercise_tags_idx on exercise using gin (tags);
