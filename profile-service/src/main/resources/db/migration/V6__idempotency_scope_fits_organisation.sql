-- A person's idempotency scope names its organisation ("person:" + a UUID, 43 characters), which did not fit
-- varchar(32): every POST /persons with an Idempotency-Key failed. Numbered 5.7 (issue 8, item 7) so that it
-- cannot clash with a V5 written on another branch at the same time.
alter table idempotency_key alter column scope type varchar(100);
