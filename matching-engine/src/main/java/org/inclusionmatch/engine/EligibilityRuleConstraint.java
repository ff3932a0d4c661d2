package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/** The programme's and the measure's CEL eligibility rules admit the person (a programme's verdict is cached per person). */
final class EligibilityRuleConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        if (m.programme() != null && !applicant.admittedBy(m.programme())) {
            return RuleExplainer.unmet("PROGRAMME", m.programme().programme().code(), m.programme().rule(), applicant);
        }
        if (!applicant.admittedBy(m.rule())) {
            return RuleExplainer.unmet("MEASURE", m.measure().code(), m.rule(), applicant);
        }
        return null;
    }

    @Override
    public boolean passes(CompiledMeasure m, Applicant applicant) {
        return (m.programme() == null || applicant.admittedBy(m.programme())) && applicant.admittedBy(m.rule());
    }
}
