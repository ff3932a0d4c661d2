package org.inclusionmatch.profile.vocabulary;

/**
 * The codes of the reasons the matching worker gives for a recommendation ({@code reasons[].code}), each with the
 * parameters it carries. The API renders a reason's sentence from these in the caller's language; a code it does
 * not know keeps the sentence the worker stored.
 */
public enum ReasonCode {
    NEED_MATCH("need"), GOAL_MATCH("goal"), ELIGIBLE_UNDER("programme"), ARCHETYPE_FIT("archetype"),
    REGION("region"), REMOTE(), SEATS_LEFT("seats"),
    // engine 2.0.0: the languages reason of a recommendation, evidence from outcomes, and the codes of "why not"
    LANGUAGES("languages"), EVIDENCE("people", "ratePercent", "overallPercent"),
    NOT_YET_OPEN("date"), CLOSED("date"), MEASURE_FULL("capacity"), PROGRAMME_FULL("programme", "capacity"),
    NOT_IN_REGION("regions"), AUDIENCE_ROLE("roles"), NO_SHARED_LANGUAGE("languages"),
    RULE_NOT_MET("condition"), OPENS_ON("date"), WAITLIST(), ALTERNATIVE("measure"), RULE_WOULD_PASS("values"),
    RULE_IS_FOR("condition"),
    // issue 26: a place the same person holds through another organisation's record
    HELD_ELSEWHERE();

    private final java.util.List<String> params;

    ReasonCode(String... params) {
        this.params = java.util.List.of(params);
    }

    public java.util.List<String> params() {
        return params;
    }
}
