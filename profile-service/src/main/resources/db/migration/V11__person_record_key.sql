-- Cell-key method for counts of persons (the fairness report, issue 14, and the what-if of a draft programme, issue 13):
-- every person carries a secret random record key, drawn once by the database and never changed or shown, as outcomes
-- do (V5). A volatile default is evaluated per row, so the persons stored already get keys of their own, and a new
-- person gets one on insert without the application writing it.
alter table person add column record_key integer not null default floor(random() * 1048576)::integer;
alter table person add constraint person_record_key_range check (record_key >= 0 and record_key < 1048576);
