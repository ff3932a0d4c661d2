-- Transactional outbox, shaped like Debezium's outbox table so a CDC relay can take over at scale.
-- Rows are written in the same transaction as the change they announce; the relay publishes them in seq order.
create table outbox_event (
    id              uuid primary key,
    seq             bigserial    not null unique,
    aggregatetype   varchar(32)  not null,
    aggregateid     varchar(64)  not null,
    type            varchar(64)  not null,
    topic           varchar(200) not null,
    payload         text         not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz
);
create index outbox_event_unsent_idx on outbox_event (seq) where sent_at is null;

-- The current recommendations of a person, as the matching worker computed them.
create table recommendation_set (
    person_id        uuid primary key references person (id) on delete cascade,
    profile_version  bigint       not null,
    engine_version   varchar(64)  not null,
    evaluation_day   date         not null,
    computed_at      timestamptz  not null,
    items            text         not null,
    version          bigint       not null,
    stored_at        timestamptz  not null
);
