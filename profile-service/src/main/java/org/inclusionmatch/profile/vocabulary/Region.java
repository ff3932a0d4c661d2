package org.inclusionmatch.profile.vocabulary;

/** Latvia's planning regions. */
public enum Region {
    RIGA, PIERIGA, VIDZEME, KURZEME, ZEMGALE, LATGALE
}
