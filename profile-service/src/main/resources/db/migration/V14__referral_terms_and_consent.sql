-- Issue 21, parts 2 and 3: a referral both organisations can work.

-- What the referrer tells the provider with the referral: a contact for it (work name, and a work e-mail or phone),
-- a message, and the needs and goals the measure is meant to address (among the person's). Bounded as the API is.
alter table enrolment add column contact_name  varchar(100);
alter table enrolment add column contact_email varchar(254);
alter table enrolment add column contact_phone varchar(32);
alter table enrolment add column message       varchar(2000);
alter table enrolment add column needs         text[];
alter table enrolment add column goals         text[];

-- Referrals made before: the person's needs and goals that the measure addresses, as a new referral defaults to.
update enrolment e
   set needs = array(select unnest(p.needs) intersect select unnest(m.needs) order by 1),
       goals = array(select unnest(p.goals) intersect select unnest(m.goals) order by 1)
  from person p, measure m
 where p.id = e.person_id and m.id = e.measure_id;

-- The person's consent to share named categories of their profile with one recipient (the provider of the
-- referral's measure) for one purpose (that referral). Active until withdrawn or until the referral closes; the
-- status is computed when read. Kept after it ends (the person's export lists every consent); goes with the person
-- or the referral (erasure cascades).
create table consent (
    id                         uuid primary key,
    person_id                  uuid          not null references person (id) on delete cascade,
    organisation_id            uuid          not null references organisation (id),
    recipient_organisation_id  uuid          not null references organisation (id),
    enrolment_id               uuid          not null references enrolment (id) on delete cascade,
    categories                 text[]        not null,
    given_on                   date          not null,
    recorded_by                varchar(200)  not null,
    withdrawn_at               timestamptz,
    withdrawn_by               varchar(200),
    version                    bigint        not null,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null
);
create index consent_person_idx on consent (person_id, created_at);
create index consent_enrolment_idx on consent (enrolment_id);
