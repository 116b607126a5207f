-- A clinic's own exercise may borrow a built-in exercise's figure: the slug of that built-in.
-- Built-ins leave it empty (they show their own figure); empty on a clinic exercise means none.
alter table exercise add column figure varchar(160);
