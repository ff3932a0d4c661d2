package org.inclusionmatch.worker.engine;

import java.util.Map;

/**
 * Why a measure was recommended: a machine-readable {@code code} with {@code params} (e.g.
 * {@code NEED_MATCH {need: HOUSING}}) and the same in an English sentence for a case worker.
 */
public record Reason(String code, Map<String, String> params, String text) {

    public static final String NEED_MATCH = "NEED_MATCH";
    public static final String GOAL_MATCH = "GOAL_MATCH";
    public static final String ELIGIBLE_UNDER = "ELIGIBLE_UNDER";
    public static final String ARCHETYPE_FIT = "ARCHETYPE_FIT";
    public static final String REGION = "REGION";
    public static final String REMOTE = "REMOTE";
    public static final String SEATS_LEFT = "SEATS_LEFT";

    public Reason {
        params = Map.copyOf(params);
    }

    static Reason needMatch(String need) {
        return new Reason(NEED_MATCH, Map.of("need", need), "Covers the need " + need + ".");
    }

    static Reason goalMatch(String goal) {
        return new Reason(GOAL_MATCH, Map.of("goal", goal), "Supports the goal " + goal + ".");
    }

    static Reason eligibleUnder(String programmeCode) {
        return new Reason(ELIGIBLE_UNDER, Map.of("programme", programmeCode),
                "Meets the eligibility rule of programme " + programmeCode + ", which targets people in this situation.");
    }

    static Reason archetypeFit(String archetype) {
        return new Reason(ARCHETYPE_FIT, Map.of("archetype", archetype),
                "Addresses what people of archetype " + archetype + " typically need.");
    }

    static Reason region(String region) {
        return new Reason(REGION, Map.of("region", region), "Offered in the person's region " + region + ".");
    }

    static Reason remote() {
        return new Reason(REMOTE, Map.of(), "Offered remotely.");
    }

    static Reason seatsLeft(int seats) {
        return new Reason(SEATS_LEFT, Map.of("seats", Integer.toString(seats)),
                seats == 1 ? "1 seat left." : seats + " seats left.");
    }
}
