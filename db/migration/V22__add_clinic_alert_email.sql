-- An optional clinic-wide address that also gets an e-mail when a patient reports a warning sign.
alter table clinic add column alert_email varchar(254);
