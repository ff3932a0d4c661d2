-- Issue 14: allocation rounds over scarce places, keep-apart safety constraints.

-- Optional quotas per region or target group that allocation rounds of the programme respect (JSON list).
alter table programme add column quotas text;

-- Two persons who must never share a residential or group measure. No reason is stored, and only the
-- organisation that recorded it sees it; it goes with either person (erasure cascades).
create table keep_apart (
    id               uuid primary key,
    person_a         uuid         not null references person (id) on delete cascade,
    person_b         uuid         not null references person (id) on delete cascade,
    recorded_by_org  uuid         not null references organisation (id),
    recorded_by      varchar(200) not null,
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    check (person_a < person_b),
    unique (person_a, person_b)
);
create index keep_apart_b_idx on keep_apart (person_b);

-- A round: one measure, or every measure of a programme intake; proposed by the solver, confirmed by the operator.
create table allocation_round (
    id                uuid primary key,
    operator_id       uuid          not null references organisation (id),
    programme_id      uuid          references programme (id) on delete cascade,
    measure_id        uuid          references measure (id) on delete cascade,
    status            varchar(16)   not null,
    places            integer       not null,
    candidates        integer       not null,
    assigned          integer       not null,
    total_fit         double precision not null,
    fcfs_assigned     integer       not null,
    fcfs_total_fit    double precision not null,
    solve_millis      bigint        not null,
    optimal           boolean       not null,
    quota_shortfall   integer       not null,
    quota_summary     text,
    opened_by         varchar(200)  not null,
    confirmed_by      varchar(200),
    confirmed_at      timestamptz,
    version           bigint        not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    check ((programme_id is null) <> (measure_id is null))
);

-- Each candidate of a round: the proposal, the first-come-first-served comparison, and what confirming did.
create table allocation_candidate (
    round_id          uuid          not null references allocation_round (id) on delete cascade,
    person_id         uuid          not null references person (id) on delete cascade,
    organisation_id   uuid          not null references organisation (id),
    arrival           integer       not null,
    best_measure_id   uuid,
    score             double precision not null,
    measure_id        uuid,
    fcfs_measure_id   uuid,
    reason_code       varchar(32)   not null,
    enrolment_id      uuid,
    waitlist_position integer,
    expected_wait_weeks integer,
    primary key (round_id, person_id)
);
create index allocation_candidate_person_idx on allocation_candidate (person_id);
