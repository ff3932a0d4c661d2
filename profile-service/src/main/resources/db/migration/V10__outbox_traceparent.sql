-- Issue 15: the W3C trace context (traceparent) of the request that wrote the event, so the relay publishes the
-- record in that trace and the worker's processing continues it. Null for rows written outside a trace.
-- Ids only: 00-<trace id>-<span id>-<flags>, nothing about the person.
alter table outbox_event add column traceparent varchar(55);
