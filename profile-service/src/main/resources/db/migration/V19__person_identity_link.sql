-- One person, many organisations (issue 26). A person may carry the keyed hash of their personal code: HMAC-SHA-256
-- under every key of the identity key file, applied in the file's order (identity_layers says how many were applied;
-- a new key wraps the stored value once more, so a rotation never needs the code). Never the code itself, never an
-- unkeyed hash: the code's space is small enough to enumerate.
alter table person add column identity_link bytea;
alter table person add column identity_layers smallint;
alter table person add constraint person_identity_complete
    check ((identity_link is null) = (identity_layers is null) and (identity_link is null or octet_length(identity_link) = 32));

-- Within an organisation, one record per human.
create unique index person_identity_in_organisation on person (organisation_id, identity_link) where identity_link is not null;

-- The human a record belongs to: the link where there is one, else the record itself (16 bytes, never equal to a
-- 32-byte link). Reports, rounds, places and keep-apart join records of one human through it.
alter table person add column human_key bytea generated always as (coalesce(identity_link, uuid_send(id))) stored;
create index person_human_key on person (human_key);
