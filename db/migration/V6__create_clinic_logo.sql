-- The clinic's logo for handouts, stored re-encoded as JPEG (fast for the PDF library to embed).
create table clinic_logo (
    clinic_id    uuid primary key references clinic (id) on delete cascade,
    media_type   varchar(40) not null,
    content      bytea       not null,
    uploaded_at  timestamptz not null
);
