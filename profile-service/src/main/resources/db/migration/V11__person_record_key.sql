-- Issue 14: the fairness report counts persons (recommended, referred, accepted, enrolled, included), so each person
-- carries a secret record key for the cell-key perturbation, as outcomes do (V5): drawn once, never changed, never
-- shown. The default draws it for every row, existing and new, without the application writing it.
alter table person add column record_key integer not null default floor(random() * 1048576)::integer;
alter table person add constraint person_record_key_range check (record_key >= 0 and record_key < 1048576);
