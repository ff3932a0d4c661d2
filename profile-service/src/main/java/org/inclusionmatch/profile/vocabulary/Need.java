package org.inclusionmatch.profile.vocabulary;

/**
 * The needs the seeds and the demo catalogue name. Needs are an open vocabulary (any {@link Codes#TAG} is accepted,
 * so a partner can add one without a release); these are the ones with labels, listed by {@code /vocabulary}.
 */
public enum Need {
    ADDICTION_SUPPORT, BURNOUT_PREVENTION, BUSINESS_SKILLS, CAREER_GUIDANCE, COACHING_SKILLS, DIGITAL_SKILLS,
    FINANCING, FIRST_JOB, HOUSING, JOB_SEARCH, LEADERSHIP, LEGAL, MANAGEMENT_SKILLS, MARKETING_SKILLS, MOTIVATION,
    NETWORK, PREMISES, PROFESSIONAL_SKILLS, PSYCHOLOGICAL, SOCIAL_SKILLS, SOCIAL_SUPPORT, SOCIAL_WORK_SKILLS,
    SOFT_SKILLS, STABLE_WORK, SUCCESSION, VULNERABLE_GROUPS_KNOWLEDGE
}
