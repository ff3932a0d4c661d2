package org.inclusionmatch.profile.vocabulary;

/** The goals with labels (an open vocabulary, as {@link Need}). */
public enum Goal {
    OPEN_LABOUR_MARKET, START_BUSINESS, MORE_RESPONSIBILITY, EDUCATION, STABLE_EMPLOYMENT
}
