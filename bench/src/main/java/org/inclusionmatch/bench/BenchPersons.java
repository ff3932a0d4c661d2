package org.inclusionmatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** Synthetic person profiles for the benchmarks that load the API: varied enough to spread over measures. */
final class BenchPersons {

    static final List<String> NEEDS = List.of("HOUSING", "FIRST_JOB", "DIGITAL_SKILLS", "CAREER_GUIDANCE",
            "MOTIVATION", "PSYCHOLOGICAL", "SOCIAL_SUPPORT", "BUSINESS_SKILLS");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchPersons() {
    }

    /** The {@code i}-th synthetic participant, in {@code municipality}. */
    static ObjectNode person(int i, String municipality) {
        ObjectNode person = JSON.createObjectNode();
        person.put("role", "PARTICIPANT").put("archetype", "GROWTH_ORIENTED")
                .put("birthYear", 1970 + i % 40).put("gender", "FEMALE").put("region", i % 2 == 0 ? "RIGA" : "VIDZEME")
                .put("municipality", municipality);
        person.putArray("targetGroups").add(i % 3 == 0 ? "OVER_50" : "SINGLE_PARENT");
        person.putArray("needs").add(NEEDS.get(i % NEEDS.size()));
        person.putArray("goals").add("OPEN_LABOUR_MARKET");
        person.putArray("languages").add("lv");
        person.putPOJO("legalBasis", Map.of("basis", "CONSENT", "consentDate", "2026-11-01"));
        person.put("matchingAllowed", true);
        return person;
    }
}
