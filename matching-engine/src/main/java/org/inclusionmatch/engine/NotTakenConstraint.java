package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/** A measure the person is enrolled in or declined is never offered again (and never explained as missing). */
final class NotTakenConstraint implements Constraint {

    static final String CODE = "ALREADY_TAKEN_OR_DECLINED";

    @Override
    public Unmet check(CompiledMeasure measure, Applicant applicant) {
        return applicant.profile.excludedMeasureIds().contains(measure.measure().id())
                ? Unmet.of(new Reason(CODE, java.util.Map.of(), "The person is enrolled in it or declined it.")) : null;
    }
}
