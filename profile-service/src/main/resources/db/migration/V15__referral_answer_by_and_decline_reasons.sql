-- Issue 21, part 4: referrals with an answer-by date, and declines with a reason from a fixed list.
-- A measure's answer time in days (1-90); null: the deployment's default (inclusion.referrals.default-answer-days).
alter table measure add column answer_days integer check (answer_days between 1 and 90);
-- When the provider should answer a REFERRED enrolment; kept once it EXPIRED (the date that passed).
alter table enrolment add column answer_by timestamptz;
-- Free text beside a reason code (required with REJECTED/OTHER); seen by both sides.
alter table enrolment add column reason_note varchar(500);
-- The person's profile version when a provider declined as NOT_ELIGIBLE: the exclusion from matching holds while
-- the person's version is still this one.
alter table enrolment add column decline_person_version bigint;
-- The expiry job's and the overdue metric's candidates.
create index enrolment_referred_answer_by_idx on enrolment (answer_by) where status = 'REFERRED';
-- Referrals already waiting for an answer get the shipped default answer time, counted from this upgrade, rather
-- than expiring at once on a date computed backwards.
update enrolment set answer_by = now() + interval '10 days' where status = 'REFERRED';
-- Earlier NOT_ELIGIBLE rejections hold until the person's next profile change, like new ones.
update enrolment e set decline_person_version = p.version
from person p where p.id = e.person_id and e.status = 'REJECTED' and e.reason = 'NOT_ELIGIBLE';
