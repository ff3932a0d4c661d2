package org.inclusionmatch.profile.vocabulary;

/**
 * The codes of the reasons the matching worker gives for a recommendation ({@code reasons[].code}), each with the
 * parameters it carries. The API renders a reason's sentence from these in the caller's language; a code it does
 * not know keeps the sentence the worker stored.
 */
public enum ReasonCode {
    NEED_MATCH("need"), GOAL_MATCH("goal"), ELIGIBLE_UNDER("programme"), ARCHETYPE_FIT("archetype"),
    REGION("region"), REMOTE(), SEATS_LEFT("seats");

    private final java.util.List<String> params;

    ReasonCode(String... params) {
        this.params = java.util.List.of(params);
    }

    public java.util.List<String> params() {
        return params;
    }
}
