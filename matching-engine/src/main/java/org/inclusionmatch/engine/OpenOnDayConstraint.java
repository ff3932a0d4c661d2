package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

import java.time.LocalDate;

/** The measure and its programme run on the evaluation day (both ends inclusive; a missing end is open). */
final class OpenOnDayConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        LocalDate day = applicant.day;
        Measure measure = m.measure();
        Programme programme = m.programme() == null ? null : m.programme().programme();
        LocalDate ended = latestPast(day, measure.endDate(), programme == null ? null : programme.endDate());
        if (ended != null) {
            return Unmet.of(Reason.closed(ended));
        }
        LocalDate opens = latestFuture(day, measure.startDate(), programme == null ? null : programme.startDate());
        if (opens != null) {
            LocalDate closes = programme == null ? measure.endDate() : earliest(measure.endDate(), programme.endDate());
            if (closes != null && closes.isBefore(opens)) {
                return Unmet.of(Reason.closed(closes)); // opens after it closes: never open
            }
            return Unmet.of(Reason.notYetOpen(opens), Reason.opensOn(opens));
        }
        return null;
    }

    private static LocalDate latestPast(LocalDate day, LocalDate a, LocalDate b) {
        LocalDate found = null;
        for (LocalDate end : new LocalDate[] {a, b}) {
            if (end != null && end.isBefore(day) && (found == null || end.isBefore(found))) {
                found = end;
            }
        }
        return found;
    }

    /** The later of the starts still to come: the measure is open only when both are. */
    private static LocalDate latestFuture(LocalDate day, LocalDate a, LocalDate b) {
        LocalDate found = null;
        for (LocalDate start : new LocalDate[] {a, b}) {
            if (start != null && start.isAfter(day) && (found == null || start.isAfter(found))) {
                found = start;
            }
        }
        return found;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
