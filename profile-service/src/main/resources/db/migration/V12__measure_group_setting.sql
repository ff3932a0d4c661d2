-- Issue 14: a measure given in a shared setting (a group, a shared residence), where two persons kept apart would
-- meet. Keep-apart enforcement reads only this column; the application writes it (MeasureService: a half-way house
-- or support group is always shared, any other kind when marked). Existing rows take it from their kind, once.
alter table measure add column group_setting boolean not null default false;
update measure set group_setting = true where kind in ('HALFWAY_HOUSE', 'SUPPORT_GROUP');
