package org.inclusionmatch.profile.matching;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.decision.DecisionService;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads for the matching worker: one person's matching view, and the persons a catalogue change can affect. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MatchingService {

    private final EnrolmentService enrolments;
    private final DecisionService decisions;

    public MatchingService(EnrolmentService enrolments, DecisionService decisions) {
        this.enrolments = enrolments;
        this.decisions = decisions;
    }

    /** A person who withdrew from matching has no matching view: the worker skips them. */
    public MatchingView view(UUID personId) {
        Person person = Records.require(Person.class, personId, "Person");
        if (!person.matchingAllowed) {
            throw new NotFound("Matching view of person", personId);
        }
        return view(person);
    }

    /**
     * The persons whose recommendations a change of these measures can alter: those with a need or goal a measure
     * serves (it may now be offered) and those who have one of the measures recommended (it may now be gone).
     * Keyset-paged by id, so pages stay stable while the worker rewrites recommendations.
     */
    public MatchingPage affectedBy(List<UUID> measureIds, UUID after, int size) {
        Set<String> needs = new LinkedHashSet<>();
        Set<String> goals = new LinkedHashSet<>();
        for (UUID id : measureIds) {
            Measure measure = Measure.findById(id);
            if (measure != null) {
                needs.addAll(measure.needs);
                goals.addAll(measure.goals);
            }
        }
        String recommended = measureIds.isEmpty() ? "$^"
                : measureIds.stream().map(UUID::toString).collect(Collectors.joining("|"));
        @SuppressWarnings("unchecked")
        List<UUID> ids = Panache.getEntityManager().createNativeQuery("""
                        select id from (
                          select p.id from person p where p.needs && cast(?1 as text[]) or p.goals && cast(?2 as text[])
                          union
                          select r.person_id from recommendation_set r where r.items ~ ?3
                        ) affected
                        where id > ?4 order by id limit ?5""", UUID.class)
                .setParameter(1, arrayLiteral(needs))
                .setParameter(2, arrayLiteral(goals))
                .setParameter(3, recommended)
                .setParameter(4, after == null ? new UUID(0, 0) : after)
                .setParameter(5, size)
                .getResultList();
        List<MatchingView> views = new ArrayList<>();
        for (UUID id : ids) {
            Person person = Person.findById(id);
            if (person != null && person.matchingAllowed) {
                views.add(view(person));
            }
        }
        return new MatchingPage(views, ids.size() < size ? null : ids.get(ids.size() - 1));
    }

    public List<UUID> measuresOfProgramme(UUID programmeId) {
        return Measure.<Measure>list("programme.id", programmeId).stream().map(m -> m.id).toList();
    }

    /** Never offered again: measures the person is or was enrolled in, and declines that still hold. */
    private MatchingView view(Person person) {
        Set<UUID> excluded = new LinkedHashSet<>(enrolments.enrolledMeasures(person.id));
        excluded.addAll(decisions.declinedMeasures(person));
        return new MatchingView(MatchingPerson.of(person), List.copyOf(excluded));
    }

    /** Tags are validated as [A-Z0-9_] codes, so a PostgreSQL array literal needs no escaping. */
    private static String arrayLiteral(Set<String> tags) {
        return "{" + String.join(",", tags) + "}";
    }
}
