package org.inclusionmatch.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Why a measure was recommended, why it is not available, or what would change that: a machine-readable
 * {@code code} with {@code params} (e.g. {@code NEED_MATCH {need: HOUSING}}) and the same in an English sentence
 * for a case worker. Parameters are codes, numbers, ISO dates and comma-separated lists of codes, so a client can
 * render the sentence in another language from the code and the parameters alone. None carries data of another
 * person.
 */
public record Reason(String code, Map<String, String> params, String text) {

    public static final String NEED_MATCH = "NEED_MATCH";
    public static final String GOAL_MATCH = "GOAL_MATCH";
    public static final String ELIGIBLE_UNDER = "ELIGIBLE_UNDER";
    public static final String ARCHETYPE_FIT = "ARCHETYPE_FIT";
    public static final String REGION = "REGION";
    public static final String REMOTE = "REMOTE";
    public static final String SEATS_LEFT = "SEATS_LEFT";
    public static final String LANGUAGES = "LANGUAGES";
    public static final String EVIDENCE = "EVIDENCE";

    // Unmet hard constraints (the "why not" of a measure)
    public static final String NOT_YET_OPEN = "NOT_YET_OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String MEASURE_FULL = "MEASURE_FULL";
    public static final String PROGRAMME_FULL = "PROGRAMME_FULL";
    public static final String HELD_ELSEWHERE = "HELD_ELSEWHERE";
    public static final String NOT_IN_REGION = "NOT_IN_REGION";
    public static final String AUDIENCE_ROLE = "AUDIENCE_ROLE";
    public static final String NO_SHARED_LANGUAGE = "NO_SHARED_LANGUAGE";
    public static final String RULE_NOT_MET = "RULE_NOT_MET";

    // What would change it
    public static final String OPENS_ON = "OPENS_ON";
    public static final String WAITLIST = "WAITLIST";
    public static final String ALTERNATIVE = "ALTERNATIVE";
    public static final String RULE_WOULD_PASS = "RULE_WOULD_PASS";
    public static final String RULE_IS_FOR = "RULE_IS_FOR";

    /** The longest text or parameter value kept (the API's limit on a reason's text); longer ones end in an ellipsis. */
    public static final int MAX_LENGTH = 500;

    public Reason {
        Map<String, String> bounded = new java.util.HashMap<>();
        params.forEach((key, value) -> bounded.put(key, bounded(value)));
        params = Map.copyOf(bounded);
        text = bounded(text);
    }

    private static String bounded(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH - 1) + "\u2026";
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

    static Reason languages(List<String> languages) {
        return new Reason(LANGUAGES, Map.of("languages", String.join(",", languages)),
                "Given in " + String.join(", ", languages) + "; the person's languages are not recorded.");
    }

    static Reason notYetOpen(LocalDate opens) {
        return new Reason(NOT_YET_OPEN, Map.of("date", opens.toString()), "Not open yet: it opens on " + opens + ".");
    }

    static Reason closed(LocalDate ended) {
        return new Reason(CLOSED, Map.of("date", ended.toString()), "Closed: it ended on " + ended + ".");
    }

    static Reason measureFull(int capacity) {
        return new Reason(MEASURE_FULL, Map.of("capacity", Integer.toString(capacity)),
                "Full: all " + capacity + " places are taken.");
    }

    static Reason programmeFull(String programmeCode, Integer capacity) {
        return new Reason(PROGRAMME_FULL, Map.of("programme", programmeCode, "capacity", String.valueOf(capacity)),
                "Programme " + programmeCode + " is full: all " + capacity + " places of its period are held.");
    }

    static Reason heldElsewhere() {
        return new Reason(HELD_ELSEWHERE, Map.of(),
                "The person already holds a place in it or in its programme, recorded elsewhere: one person, one place.");
    }

    static Reason notInRegion(List<String> regions) {
        return new Reason(NOT_IN_REGION, Map.of("regions", String.join(",", regions)),
                "Not offered in the person's region; offered in " + String.join(", ", regions) + ".");
    }

    static Reason forRoles(List<String> roles) {
        return new Reason(AUDIENCE_ROLE, Map.of("roles", String.join(",", roles)),
                "Meant for " + String.join(", ", roles) + ", not for the person's role.");
    }

    static Reason noSharedLanguage(List<String> languages) {
        return new Reason(NO_SHARED_LANGUAGE, Map.of("languages", String.join(",", languages)),
                "Given in " + String.join(", ", languages) + ", which the person does not speak.");
    }

    static Reason ruleNotMet(String owner, String ownerCode, String condition) {
        return new Reason(RULE_NOT_MET, Map.of("owner", owner, "code", ownerCode, "condition", condition),
                "The eligibility rule of " + owner.toLowerCase(java.util.Locale.ROOT) + " " + ownerCode
                        + " is not met: " + condition);
    }

    static Reason opensOn(LocalDate opens) {
        return new Reason(OPENS_ON, Map.of("date", opens.toString()), "Available from " + opens + ".");
    }

    /** Joins the waitlist; with the recent pace of releases known, the expected wait in days. */
    static Reason waitlist(Integer waiting, Integer releasedLast90Days) {
        if (waiting == null) {
            return new Reason(WAITLIST, Map.of(), "A referral joins the waitlist and gets a place when one is freed.");
        }
        if (releasedLast90Days == null || releasedLast90Days == 0) {
            return new Reason(WAITLIST, Map.of("waiting", waiting.toString()), "A referral joins the waitlist behind "
                    + waiting + (waiting == 1 ? " person" : " persons") + "; no place was freed in the last 90 days.");
        }
        long days = (long) Math.ceil((waiting + 1) * 90.0 / releasedLast90Days);
        return new Reason(WAITLIST, Map.of("waiting", waiting.toString(), "releasedLast90Days",
                releasedLast90Days.toString(), "expectedWaitDays", Long.toString(days)),
                "A referral joins the waitlist behind " + waiting + (waiting == 1 ? " person" : " persons")
                        + "; at the pace of the last 90 days (" + releasedLast90Days + " places freed) a place in about "
                        + days + " days.");
    }

    static Reason alternative(String measureCode, boolean remote) {
        return new Reason(ALTERNATIVE, Map.of("measure", measureCode, "remote", Boolean.toString(remote)),
                "Alternative for the same need" + (remote ? ", offered remotely" : " in the person's region") + ": "
                        + measureCode + ".");
    }

    static Reason ruleWouldPass(String field, List<String> values, String condition) {
        return new Reason(RULE_WOULD_PASS, Map.of("field", field, "values", String.join(",", values), "condition", condition),
                "Would be met if the person's " + field + (values.size() == 1 ? " were or included " + values.get(0)
                        : " were or included one of " + String.join(", ", values)) + ".");
    }

    static Reason ruleIsFor(String field, String condition, boolean protectedAttribute) {
        return new Reason(RULE_IS_FOR, Map.of("field", field, "condition", condition,
                "protected", Boolean.toString(protectedAttribute)),
                "Meant for people who meet this condition on " + field + ": " + condition
                        + (protectedAttribute ? " (a protected attribute: not something to change)." : "."));
    }

    static Reason seatsLeft(int seats) {
        return new Reason(SEATS_LEFT, Map.of("seats", Integer.toString(seats)),
                seats == 1 ? "1 seat left." : seats + " seats left.");
    }
}
