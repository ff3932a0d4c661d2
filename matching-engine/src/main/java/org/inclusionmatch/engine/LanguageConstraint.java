package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/**
 * A measure given in some languages reaches a person who speaks one of them; none listed means any language. A
 * person whose languages are not recorded is not refused on this ground (the recommendation then names the
 * measure's languages for the case worker to check).
 */
final class LanguageConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        var languages = m.measure().languages();
        if (languages.isEmpty() || applicant.languages.isEmpty()) {
            return null;
        }
        for (String language : languages) {
            if (applicant.languages.contains(language)) {
                return null;
            }
        }
        return Unmet.of(Reason.noSharedLanguage(languages));
    }
}
