package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/**
 * A full measure is never offered. What would change it: a place freed; when the waitlist and the recent releases
 * are known, the expected wait is the time the recent pace of releases needs to reach the person after those
 * already waiting.
 */
final class MeasurePlacesConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        Measure measure = m.measure();
        if (measure.seatsTaken() < measure.capacity()) {
            return null;
        }
        return Unmet.of(Reason.measureFull(measure.capacity()), Reason.waitlist(measure.waitlist(), measure.releasedLast90Days()));
    }
}
