package org.inclusionmatch.profile.vocabulary;

/**
 * The target groups the seeds name (domain.md: groups at risk of discrimination, probation clients, and the other
 * groups across the seeds), with labels. An open vocabulary, as {@link Need}.
 */
public enum TargetGroup {
    AFTER_CHILDCARE_LEAVE, VIOLENCE_VICTIM, CARER, SINGLE_PARENT, OVER_50, DISABILITY, ETHNIC_MINORITY, ROMA,
    PROBATION_CLIENT, FORMER_PRISONER, NEET, WOMEN, SENIOR, MIGRANT, RE_EMIGRANT, ADDICTION, MENTAL_HEALTH,
    LONG_TERM_UNEMPLOYED, LOW_EDUCATION
}
