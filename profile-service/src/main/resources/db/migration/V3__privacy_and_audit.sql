-- The legal basis for processing each person's data (GDPR Art. 6, and Art. 9/10 for special categories),
-- and whether the person may be matched at all.
alter table person add column legal_basis varchar(32);
alter table person add column consent_date date;
alter table person add column legal_reference varchar(200);
alter table person add column matching_allowed boolean not null default true;
update person set legal_basis = 'CONSENT', consent_date = current_date where legal_basis is null;
alter table person alter column legal_basis set not null;

-- Who read or wrote which person's data, when, and whether it was allowed. Append-only: no update, no delete,
-- and no personal data (ids, roles, operations and outcomes only), so it survives a person's erasure.
create table audit_entry (
    id               bigserial    primary key,
    at               timestamptz  not null,
    subject          varchar(200) not null,
    roles            varchar(200) not null,
    organisation_id  uuid,
    operation        varchar(16)  not null,
    resource_type    varchar(32)  not null,
    resource_id      uuid,
    outcome          varchar(16)  not null,
    http_status      integer      not null
);
create index audit_entry_resource_idx on audit_entry (resource_id, at);
create index audit_entry_subject_idx on audit_entry (subject, at);
create index audit_entry_at_idx on audit_entry (at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete or truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
