-- The number printed on handouts in the "Stop and call us" box.
alter table clinic add column phone varchar(40) not null default '';
