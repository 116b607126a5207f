-- Emergency warning signs join the urgent ones; the stored names of the old four stay as they were.
alter table checkin drop constraint checkin_symptoms_check;
alter table checkin add constraint checkin_symptoms_check check (symptoms <@ array[
    'NUMBNESS_TINGLING', 'PAIN_DOWN_LEG', 'SHARP_PAIN', 'NEW_WEAKNESS',
    'BLADDER_BOWEL', 'SADDLE_NUMBNESS', 'LEG_WEAKNESS_WORSE', 'FEVER_OR_INJURY']::text[]);

-- The line patients call about an urgent sign when the clinic is closed; empty when there is none.
alter table clinic add column out_of_hours_phone varchar(40) not null default '';
