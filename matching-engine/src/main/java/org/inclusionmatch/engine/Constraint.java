package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

import java.util.List;

/**
 * One hard constraint: a measure that fails it is never recommended. {@link #check} answers null when the measure
 * passes for the applicant, or what is unmet (a {@link Reason} with a machine-readable code and parameters) and,
 * where the constraint itself knows one, the smallest change that would lift it. Implementations hold no state
 * and read only the measure, its programme and the applicant, never other persons. The engine runs
 * {@link Constraints#ALL} in order, cheapest first.
 */
interface Constraint {

    Unmet check(CompiledMeasure measure, Applicant applicant);

    /** The matching hot path: whether the measure passes, without building an explanation. */
    default boolean passes(CompiledMeasure measure, Applicant applicant) {
        return check(measure, applicant) == null;
    }

    /** A failed constraint: what is unmet, and the changes that would lift it (possibly none). */
    record Unmet(Reason reason, List<Reason> changes) {

        public Unmet {
            changes = List.copyOf(changes);
        }

        static Unmet of(Reason reason, Reason... changes) {
            return new Unmet(reason, List.of(changes));
        }
    }
}
