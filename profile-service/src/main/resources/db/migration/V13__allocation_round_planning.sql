-- Issue 14: what an allocation round optimised (fit, or expected inclusion where outcome evidence exists) and how it
-- planned ahead over the period (places held for expected later candidates).
alter table allocation_round add column objective varchar(24) not null default 'FIT';
alter table allocation_round add column expected_inclusion double precision;
alter table allocation_round add column fcfs_expected_inclusion double precision;
alter table allocation_round add column plan_ahead boolean not null default false;
alter table allocation_round add column period_end date;
alter table allocation_round add column weekly_arrivals double precision;
alter table allocation_round add column later_candidates integer not null default 0;
alter table allocation_round add column held_places integer not null default 0;
