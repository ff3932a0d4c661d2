package org.inclusionmatch.profile.vocabulary;

/** Where a person stands in a work-integration social enterprise. */
public enum Role {
    PARTICIPANT, SUPPORT_PERSON, FACILITATOR
}
