package org.inclusionmatch.profile.vocabulary;

/** What kind of body an organisation is. */
public enum OrganisationKind {
    WISE, NGO, MUNICIPALITY, STATE_AGENCY, UNIVERSITY, FUNDER, OTHER
}
