-- Cell-key method: every outcome carries a random key, drawn once and never shown; a report cell's noise is
-- derived from the sum of its records' keys, so the same people always get the same noise.
alter table outcome add column record_key integer;
update outcome set record_key = floor(random() * 1048576)::integer where record_key is null;
alter table outcome alter column record_key set not null;
alter table outcome add constraint outcome_record_key_range check (record_key >= 0 and record_key < 1048576);

-- Every person whose data an access touched (the path id, the persons a list or matching view returned, the
-- person of an enrolment or outcome), so that GET /audit?personId= finds every access.
alter table audit_entry add column person_ids uuid[];
create index audit_entry_person_ids_idx on audit_entry using gin (person_ids);

-- A decline holds while the measure's matching-relevant fields are unchanged (not its seat counters).
alter table recommendation_decision add column measure_fingerprint varchar(64);
