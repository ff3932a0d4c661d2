package org.inclusionmatch.profile.vocabulary;

/** The GDPR Art. 6 ground on which a person's data is processed. */
public enum LegalBasis {
    /** Art. 6(1)(a), with Art. 9(2)(a) for special categories: needs the date consent was given. */
    CONSENT,
    /** Art. 6(1)(c): needs a reference to the law. */
    LEGAL_OBLIGATION,
    /** Art. 6(1)(e), e.g. the probation service's task: needs a reference to the mandate. */
    OFFICIAL_AUTHORITY
}
