-- Issue 23: the catalogue reads (measures and programmes, with their places and waitlists) are served from memory
-- between changes. Every write to the tables they are read from notifies the channel catalogue_changed; PostgreSQL
-- delivers a notification only when its transaction commits, and folds repeats within one transaction, so each
-- instance of the service drops its cached reads exactly when a change becomes visible, whoever made it.
create function notify_catalogue_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('catalogue_changed', '');
    return null;
end
$$;

-- Per row, so that a statement that changes nothing (a periodic expiry that finds no referral due) notifies nobody.
create trigger measure_catalogue_changed after insert or update or delete on measure
    for each row execute function notify_catalogue_changed();
create trigger measure_catalogue_truncated after truncate on measure
    for each statement execute function notify_catalogue_changed();
create trigger programme_catalogue_changed after insert or update or delete on programme
    for each row execute function notify_catalogue_changed();
create trigger programme_catalogue_truncated after truncate on programme
    for each statement execute function notify_catalogue_changed();
create trigger enrolment_catalogue_changed after insert or update or delete on enrolment
    for each row execute function notify_catalogue_changed();
create trigger enrolment_catalogue_truncated after truncate on enrolment
    for each statement execute function notify_catalogue_changed();
