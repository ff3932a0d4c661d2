package org.inclusionmatch.profile.vocabulary;

/** Why a case worker declines or overrides a recommendation ({@code reasonCode}); open, as {@link Need}. */
public enum DeclineReason {
    TOO_FAR, NOT_INTERESTED, SCHEDULE_CONFLICT, HEALTH, BETTER_FIT, ALREADY_SUPPORTED, OTHER
}
