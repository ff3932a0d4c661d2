package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/**
 * One human, one place: a measure the person holds a place in, or in whose programme they hold one, through another
 * organisation's record of them is not offered again. Explained, unlike {@link NotTakenConstraint}: the case worker
 * cannot see the other record, so the reason says what holds without saying where.
 */
final class HeldElsewhereConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure measure, Applicant applicant) {
        return passes(measure, applicant) ? null : Unmet.of(Reason.heldElsewhere());
    }

    @Override
    public boolean passes(CompiledMeasure measure, Applicant applicant) {
        return !applicant.profile.heldElsewhereMeasureIds().contains(measure.measure().id());
    }
}
