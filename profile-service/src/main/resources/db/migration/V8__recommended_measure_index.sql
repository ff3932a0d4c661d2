-- Issue 11: a catalogue change finds the persons it can affect through indexes, never by scanning text.

-- The measures each person has recommended now, one row each, kept by RecommendationService whenever a set is
-- stored (and gone with the set: cleared on withdrawal, deleted with the person). recommendation_set.items stays
-- the whole list as the worker sent it; this table only answers "who has measure X recommended".
create table recommended_measure (
    measure_id  uuid not null,
    person_id   uuid not null references recommendation_set (person_id) on delete cascade,
    primary key (measure_id, person_id)
);
create index recommended_measure_person_idx on recommended_measure (person_id);

insert into recommended_measure (measure_id, person_id)
select distinct cast(item ->> 'measureId' as uuid), r.person_id
from recommendation_set r
cross join lateral jsonb_array_elements(cast(r.items as jsonb)) item
where item ->> 'measureId' is not null;

-- The persons with a need or goal a changed measure serves.
create index person_needs_idx on person using gin (needs);
create index person_goals_idx on person using gin (goals);
