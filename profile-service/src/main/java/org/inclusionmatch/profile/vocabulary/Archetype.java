package org.inclusionmatch.profile.vocabulary;

/** The twelve B-WISE archetypes (seed 000), each belonging to one {@link Role}. */
public enum Archetype {
    SAFE_HAVEN(Role.PARTICIPANT),
    SOFT_SKILLS_GAP(Role.PARTICIPANT),
    GROWTH_ORIENTED(Role.PARTICIPANT),
    SURVIVOR(Role.PARTICIPANT),
    SOCIALLY_ORIENTED(Role.SUPPORT_PERSON),
    PROFESSIONALLY_ORIENTED(Role.SUPPORT_PERSON),
    FUTURE_FACILITATOR(Role.SUPPORT_PERSON),
    FOUNDER(Role.FACILITATOR),
    SOCIAL_FACILITATOR(Role.FACILITATOR),
    NEAR_RETIREMENT_MANAGER(Role.FACILITATOR),
    TECHNICAL_FACILITATOR(Role.FACILITATOR),
    BEGINNER(Role.FACILITATOR);

    private final Role role;

    Archetype(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
