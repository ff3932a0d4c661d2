-- A client-chosen reference per person, unique within the organisation: the key of the bulk import
-- (POST /persons/import), which creates unknown references and updates known ones.
alter table person add column external_ref varchar(64);
create unique index person_external_ref_idx on person (organisation_id, external_ref) where external_ref is not null;
