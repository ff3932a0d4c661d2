package org.inclusionmatch.engine;

import java.util.Map;
import java.util.Set;

/**
 * The needs typical of each of the twelve B-WISE archetypes (domain.md, seed 000). Used only for a small
 * ranking bonus, never to make a measure relevant: relevance always comes from the person's own needs/goals.
 */
final class ArchetypeNeeds {

    private static final Map<String, Set<String>> TYPICAL = Map.ofEntries(
            // participants from vulnerable groups
            Map.entry("SAFE_HAVEN", Set.of("SOCIAL_SUPPORT", "STABLE_WORK")),
            Map.entry("SOFT_SKILLS_GAP", Set.of("SOFT_SKILLS", "SOCIAL_SKILLS", "DIGITAL_SKILLS")),
            Map.entry("GROWTH_ORIENTED", Set.of("PROFESSIONAL_SKILLS", "DIGITAL_SKILLS", "SOFT_SKILLS",
                    "SOCIAL_SKILLS", "CAREER_GUIDANCE")),
            Map.entry("SURVIVOR", Set.of("JOB_SEARCH", "CAREER_GUIDANCE")),
            // support persons
            Map.entry("SOCIALLY_ORIENTED", Set.of("SOCIAL_WORK_SKILLS")),
            Map.entry("PROFESSIONALLY_ORIENTED", Set.of("COACHING_SKILLS", "PROFESSIONAL_SKILLS")),
            Map.entry("FUTURE_FACILITATOR", Set.of("MANAGEMENT_SKILLS", "LEADERSHIP")),
            // facilitators
            Map.entry("FOUNDER", Set.of("LEADERSHIP", "NETWORK")),
            Map.entry("SOCIAL_FACILITATOR", Set.of("MANAGEMENT_SKILLS")),
            Map.entry("NEAR_RETIREMENT_MANAGER", Set.of("SUCCESSION", "BURNOUT_PREVENTION")),
            Map.entry("TECHNICAL_FACILITATOR", Set.of("SOCIAL_WORK_SKILLS", "VULNERABLE_GROUPS_KNOWLEDGE")),
            Map.entry("BEGINNER", Set.of("VULNERABLE_GROUPS_KNOWLEDGE", "BURNOUT_PREVENTION", "MARKETING_SKILLS")));

    private ArchetypeNeeds() {
    }

    static Set<String> of(String archetype) {
        return TYPICAL.getOrDefault(archetype, Set.of());
    }
}
