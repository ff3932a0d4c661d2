package org.inclusionmatch.profile.whatif;

import org.inclusionmatch.engine.Evidence;
import org.inclusionmatch.engine.PersonProfile;
import org.inclusionmatch.profile.matching.MatchingPerson;
import org.inclusionmatch.profile.matching.MatchingView;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.report.OutcomeEvidence;

import java.util.HashSet;

/**
 * The one place where profile-service's records become the matching engine's inputs. The worker builds the same
 * inputs from what it reads through the API (the matching view, the programme and measure lists, the published
 * evidence), so each mapping here follows one of those representations field by field: a person from their
 * {@link MatchingView} (excluded measures and held programmes included), a measure with the places in use as
 * {@code seatsTaken + seatsHeld}, a programme with its places held.
 */
public final class EngineInputs {

    private EngineInputs() {
    }

    static PersonProfile person(MatchingView view) {
        MatchingPerson p = view.person();
        return new PersonProfile(p.id(), p.version(), name(p.role()), name(p.archetype()), p.birthYear(), name(p.gender()),
                name(p.region()), p.municipality(), p.targetGroups(), p.needs(), p.goals(), p.languages(),
                new HashSet<>(view.excludedMeasureIds()), new HashSet<>(view.heldProgrammeIds()));
    }

    static org.inclusionmatch.engine.Programme programme(Programme p) {
        return new org.inclusionmatch.engine.Programme(p.id, p.code, p.startDate, p.endDate, p.capacity, p.regions,
                p.eligibility, p.placesHeld);
    }

    /** Waitlist figures only serve the why-not explanations, which the what-if does not compute. */
    static org.inclusionmatch.engine.Measure measure(Measure m) {
        return new org.inclusionmatch.engine.Measure(m.id, m.code, m.programme == null ? null : m.programme.id,
                name(m.kind), m.title, m.needs, m.goals, m.regions, m.remote, m.capacity, m.seatsInUse(), m.startDate,
                m.endDate, m.eligibility, m.audienceRoles, m.languages, null, null);
    }

    /** The published evidence as the worker's engine gets it; none without an overall rate to smooth toward. */
    public static Evidence evidence(OutcomeEvidence published) {
        if (published.overallRate() == null) {
            return Evidence.NONE;
        }
        return new Evidence(published.overallRate(), published.cells().stream()
                .map(c -> new Evidence.Cell(Evidence.Scope.valueOf(c.scope()), c.id(), Evidence.Group.valueOf(c.group()),
                        c.value(), c.participants(), c.included()))
                .toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
