-- Places held through this system, kept beside the starting count partners report (seats_taken), under the
-- measure's row lock so that concurrent referrals can never overbook.
alter table measure add column seats_held integer not null default 0 check (seats_held >= 0);
alter table programme add column places_held integer not null default 0 check (places_held >= 0);

create sequence waitlist_seq;

create table enrolment (
    id               uuid primary key,
    person_id        uuid         not null references person (id) on delete cascade,
    organisation_id  uuid         not null references organisation (id),
    measure_id       uuid         not null references measure (id),
    programme_id     uuid         references programme (id),
    status           varchar(16)  not null,
    holds_seat       boolean      not null,
    waitlist_seq     bigint,
    reason           varchar(32),
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index enrolment_measure_status_idx on enrolment (measure_id, status, waitlist_seq);
create index enrolment_person_idx on enrolment (person_id);
-- One open enrolment per person and measure.
create unique index enrolment_open_unique on enrolment (person_id, measure_id)
    where status in ('WAITLISTED', 'REFERRED', 'ACCEPTED', 'ENROLLED');

-- A case worker's decision on a recommendation: accepted, declined (with reason) or overridden.
create table recommendation_decision (
    id               uuid primary key,
    person_id        uuid         not null references person (id) on delete cascade,
    measure_id       uuid         not null references measure (id),
    decision         varchar(16)  not null,
    reason_code      varchar(32),
    note             varchar(1000),
    person_version   bigint       not null,
    measure_version  bigint       not null,
    enrolment_id     uuid,
    decided_by       varchar(200) not null,
    decided_at       timestamptz  not null
);
create index recommendation_decision_person_idx on recommendation_decision (person_id, decided_at);

-- Where a participant stood at the end of a programme period; region and target groups are kept as they were
-- then, so that reports do not shift when a profile changes later.
create table outcome (
    id               uuid primary key,
    person_id        uuid         not null references person (id) on delete cascade,
    organisation_id  uuid         not null references organisation (id),
    programme_id     uuid         not null references programme (id),
    period_start     date         not null,
    period_end       date         not null,
    status           varchar(16)  not null,
    outcome_date     date         not null,
    follow_up_status varchar(16),
    follow_up_date   date,
    region           varchar(16)  not null,
    target_groups    text[]       not null,
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    check (period_start <= period_end),
    unique (person_id, programme_id, period_start, period_end)
);
create index outcome_report_idx on outcome (programme_id, period_start, period_end);
