-- Issue 23: how a round's proposal was reached (every candidate's best place at once without search, or CP-SAT's
-- search, optimal or stopped by the time limit), the time limit, and the objective with the best bound proven on it.
-- Null for rounds opened before.
alter table allocation_round add column solve_method varchar(24);
alter table allocation_round add column time_limit_seconds double precision;
alter table allocation_round add column objective_value double precision;
alter table allocation_round add column best_bound double precision;
