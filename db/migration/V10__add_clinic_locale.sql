-- How the clinic writes dates (a BCP 47 tag such as en-GB or en-US): what date fields accept
-- and how dates are shown. Existing clinics keep the day-first format they had.
alter table clinic add column locale varchar(35) not null default 'en-GB';
