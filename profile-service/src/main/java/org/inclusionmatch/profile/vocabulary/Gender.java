package org.inclusionmatch.profile.vocabulary;

/** Gender as the person states it. */
public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
