-- Organisations, the catalogue (programmes and measures) and person profiles.
-- Codes are the stable external keys partners use; ids are assigned by the server.

create table organisation (
    id          uuid primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    kind        varchar(32)  not null,
    region      varchar(16)  not null,
    version     bigint       not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

create table programme (
    id           uuid primary key,
    code         varchar(64)  not null unique,
    name         varchar(200) not null,
    operator_id  uuid         not null references organisation (id),
    funder_id    uuid         references organisation (id),
    start_date   date         not null,
    end_date     date         not null,
    capacity     integer      not null check (capacity >= 0),
    regions      text[]       not null,
    eligibility  text,
    version      bigint       not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    check (start_date <= end_date)
);
create index programme_operator_idx on programme (operator_id);

create table measure (
    id            uuid primary key,
    code          varchar(64)  not null unique,
    programme_id  uuid         references programme (id),
    provider_id   uuid         not null references organisation (id),
    kind          varchar(32)  not null,
    title         varchar(300) not null,
    needs         text[]       not null,
    goals         text[]       not null,
    regions       text[]       not null,
    remote        boolean      not null,
    capacity      integer      not null check (capacity >= 0),
    seats_taken   integer      not null check (seats_taken >= 0),
    start_date    date,
    end_date      date,
    eligibility   text,
    version       bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    check (start_date is null or end_date is null or start_date <= end_date)
);
create index measure_programme_idx on measure (programme_id);
create index measure_provider_idx on measure (provider_id);
create index measure_needs_idx on measure using gin (needs);

-- Special-category data (GDPR Art. 9/10) lives in target_groups: never copy it into events or logs.
create table person (
    id               uuid primary key,
    organisation_id  uuid         not null references organisation (id),
    role             varchar(32)  not null,
    archetype        varchar(32)  not null,
    birth_year       integer      not null,
    gender           varchar(16)  not null,
    region           varchar(16)  not null,
    municipality     varchar(100) not null,
    target_groups    text[]       not null,
    needs            text[]       not null,
    goals            text[]       not null,
    languages        text[]       not null,
    version          bigint       not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index person_organisation_idx on person (organisation_id);

-- Remembers the outcome of a create sent with an Idempotency-Key, so a retried request creates nothing new.
create table idempotency_key (
    scope         varchar(32)  not null,
    key           varchar(200) not null,
    request_hash  varchar(64)  not null,
    resource_id   uuid         not null,
    created_at    timestamptz  not null,
    primary key (scope, key)
);
