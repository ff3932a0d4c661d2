-- Issue 25: signed webhooks. An organisation's endpoints, one delivery row per (event, subscribed endpoint) written in
-- the transaction of the change it announces, and every attempt to send one (the delivery log).

create table webhook_endpoint (
    id                        uuid primary key,
    organisation_id           uuid          not null references organisation (id) on delete cascade,
    url                       varchar(2000) not null,
    description               varchar(200),
    event_types               text[]        not null,
    -- ACTIVE (sent), PAUSED (deliveries kept, not sent), DISABLED (failing too long: nothing new, nothing sent)
    status                    varchar(16)   not null,
    -- The signing secret (whsec_...) and, for a while after a rotation, the one before it: both sign meanwhile.
    secret                    varchar(100)  not null,
    previous_secret           varchar(100),
    previous_secret_until     timestamptz,
    -- Since when every attempt failed (null after a success); too long and the endpoint is DISABLED.
    failing_since             timestamptz,
    disabled_at               timestamptz,
    version                   bigint        not null,
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null
);
create index webhook_endpoint_org_idx on webhook_endpoint (organisation_id);

-- PENDING (to send at next_attempt_at; while one is being sent that is its lease), DELIVERED (a 2xx), FAILED
-- (given up after the retry period). message_id is the webhook-id: the same on every attempt and redelivery.
create table webhook_delivery (
    id                uuid primary key,
    endpoint_id       uuid          not null references webhook_endpoint (id) on delete cascade,
    message_id        uuid          not null,
    event_type        varchar(64)   not null,
    payload           text          not null,
    status            varchar(16)   not null,
    attempts          int           not null default 0,
    next_attempt_at   timestamptz   not null,
    last_attempt_at   timestamptz,
    last_status_code  int,
    delivered_at      timestamptz,
    created_at        timestamptz   not null,
    unique (endpoint_id, message_id)
);
create index webhook_delivery_due_idx on webhook_delivery (endpoint_id, next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (endpoint_id, created_at);

-- One attempt: when, how long, the status code (null when no answer came) or the error, and at most a short excerpt of
-- what the receiver answered.
create table webhook_attempt (
    id                bigserial primary key,
    delivery_id       uuid          not null references webhook_delivery (id) on delete cascade,
    endpoint_id       uuid          not null references webhook_endpoint (id) on delete cascade,
    at                timestamptz   not null,
    duration_ms       int           not null,
    status_code       int,
    error             varchar(200),
    response_excerpt  varchar(256)
);
create index webhook_attempt_log_idx on webhook_attempt (endpoint_id, id);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id);
