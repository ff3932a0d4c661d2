-- Issue 13: whom a measure is for and in which languages it is given (empty: any role, any language), and the
-- "why not" the engine stores with a person's recommendations (JSON, read and written whole like items).
alter table measure add column audience_roles text[] not null default '{}';
alter table measure add column languages text[] not null default '{}';
alter table recommendation_set add column why_not text not null default '[]';
