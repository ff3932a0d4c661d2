package org.inclusionmatch.contracts.webhooks;

/**
 * What a partner's endpoint can subscribe to. Each goes only to the organisation it concerns: its own persons, measures
 * and programmes, the referrals it sent (REFERRER) or received (PROVIDER), and its own endpoints.
 */
public enum WebhookEventType {
    /** A person of the organisation was recorded, changed or erased. */
    PERSON_CREATED, PERSON_UPDATED, PERSON_DELETED,
    /** New recommendations for a person of the organisation. */
    RECOMMENDATIONS_UPDATED,
    /** A programme the organisation operates. */
    PROGRAMME_CREATED, PROGRAMME_UPDATED, PROGRAMME_DELETED,
    /** A measure the organisation provides. */
    MEASURE_CREATED, MEASURE_UPDATED, MEASURE_DELETED,
    /** To the provider: a referral waits for its answer (new, or promoted from the waitlist). */
    REFERRAL_RECEIVED,
    /** To the referrer: the provider accepted the referral. */
    REFERRAL_ACCEPTED,
    /** To the referrer: the provider declined the referral (with its reason code). */
    REFERRAL_DECLINED,
    /** To the referrer: the provider did not answer by the answer-by date. */
    REFERRAL_EXPIRED,
    /** To both sides: any other move (waitlisted, enrolled, completed, dropped, cancelled). */
    REFERRAL_STATUS_CHANGED,
    /** To the organisation's other endpoints: one of its endpoints failed too long and was disabled. */
    WEBHOOK_ENDPOINT_DISABLED
}
