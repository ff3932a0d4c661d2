package org.inclusionmatch.profile.matching;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.decision.DecisionService;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.enrolment.EnrolmentService;
import org.inclusionmatch.profile.enrolment.OneHumanPlaces;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.safety.KeepApartService;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reads for the matching worker: one person's matching view, and the persons a catalogue change can affect. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MatchingService {

    private final EnrolmentService enrolments;
    private final DecisionService decisions;
    private final KeepApartService keepApart;
    private final OneHumanPlaces oneHuman;

    public MatchingService(EnrolmentService enrolments, DecisionService decisions, KeepApartService keepApart,
                           OneHumanPlaces oneHuman) {
        this.oneHuman = oneHuman;
        this.enrolments = enrolments;
        this.decisions = decisions;
        this.keepApart = keepApart;
    }

    /** A person who withdrew from matching has no matching view: the worker skips them. */
    public MatchingView view(UUID personId) {
        Person person = Records.require(Person.class, personId, "Person");
        if (!person.matchingAllowed) {
            throw new NotFound("Matching view of person", personId);
        }
        return viewsOf(List.of(person)).get(0);
    }

    /**
     * The persons whose recommendations a change of these measures can alter: those with a need or goal a measure
     * serves (it may now be offered) and those who have one of the measures recommended (it may now be gone).
     * Keyset-paged by id, so pages stay stable while the worker rewrites recommendations. Each branch is answered
     * by an index (the person id key or the GIN indexes on needs and goals; recommended_measure's key) and stops
     * at the page's end, so a page costs the same at the start and the end of a caseload. The page's views are
     * built with a fixed number of queries, whatever its size.
     */
    public MatchingPage affectedBy(List<UUID> measureIds, UUID after, int size) {
        Set<String> needs = new LinkedHashSet<>();
        Set<String> goals = new LinkedHashSet<>();
        if (!measureIds.isEmpty()) {
            Measure.<Measure>list("id in ?1", measureIds).forEach(measure -> {
                needs.addAll(measure.needs);
                goals.addAll(measure.goals);
            });
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = Panache.getEntityManager().createNativeQuery(AFFECTED, UUID.class)
                .setParameter(1, arrayLiteral(needs))
                .setParameter(2, arrayLiteral(goals))
                .setParameter(3, arrayLiteral(measureIds.stream().map(UUID::toString).toList()))
                .setParameter(4, after == null ? new UUID(0, 0) : after)
                .setParameter(5, size)
                .getResultList();
        return new MatchingPage(views(ids), ids.size() < size ? null : ids.get(ids.size() - 1));
    }

    /**
     * The affected persons' ids after ?4 in id order, at most ?5: each branch stops at the page's end. The persons
     * a measure is recommended to are read measure by measure, each an ordered range of the primary key: with
     * {@code measure_id = any(...)} PostgreSQL read and sorted every such person on every page (31 ms a page at
     * 20,000 persons, growing with them; 0.5 ms this way).
     */
    static final String AFFECTED = """
            select id from (
              (select p.id from person p
               where (p.needs && cast(?1 as text[]) or p.goals && cast(?2 as text[])) and p.id > ?4
               order by p.id limit ?5)
              union
              (select r.person_id from unnest(cast(?3 as uuid[])) as m(id)
               cross join lateral (select person_id from recommended_measure
                                   where measure_id = m.id and person_id > ?4
                                   order by person_id limit ?5) r)
            ) affected
            order by id limit ?5""";

    /** The matching views of these persons, in their order; those gone or withdrawn are left out. */
    public List<MatchingView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Person> persons = new HashMap<>();
        Person.<Person>list("from Person p join fetch p.organisation where p.id in ?1", ids).forEach(p -> persons.put(p.id, p));
        return viewsOf(ids.stream().map(persons::get).filter(p -> p != null).toList());
    }

    /**
     * The matching views of these persons, in their order, exactly as the worker reads them; those withdrawn from
     * matching are left out. Built with a fixed number of queries, whatever the number of persons: the one place
     * that gathers a view's exclusions, for one person as for a page.
     */
    public List<MatchingView> viewsOf(List<Person> persons) {
        if (persons.isEmpty()) {
            return List.of();
        }
        List<Person> matched = persons.stream().filter(p -> p.matchingAllowed).toList();
        List<UUID> matchedIds = matched.stream().map(p -> p.id).toList();
        Map<UUID, List<UUID>> enrolled = enrolments.enrolledMeasures(matchedIds);
        Map<UUID, List<UUID>> declined = decisions.declinedMeasures(matched);
        Map<UUID, Set<UUID>> blocked = keepApart.blockedMeasures(matchedIds);
        Map<UUID, List<UUID>> held = enrolments.heldProgrammes(matchedIds);
        Map<UUID, Set<UUID>> heldElsewhere = oneHuman.heldElsewhere(matchedIds);
        return matched.stream().map(p -> view(p, enrolled.getOrDefault(p.id, List.of()),
                declined.getOrDefault(p.id, List.of()), blocked.getOrDefault(p.id, Set.of()),
                held.getOrDefault(p.id, List.of()), heldElsewhere.getOrDefault(p.id, Set.of()))).toList();
    }

    public List<UUID> measuresOfProgramme(UUID programmeId) {
        return Measure.<Measure>list("programme.id", programmeId).stream().map(m -> m.id).toList();
    }

    /**
     * Never offered again ({@code excludedMeasureIds}): measures the person is or was enrolled in, declines that still
     * hold, and {@code blocked}: residential and group measures where someone the person is kept apart from holds a place,
     * computed here so the worker never learns of the other person; listed among the exclusions, indistinguishable.
     * {@code held}: programmes the person holds a place in. {@code heldElsewhere}: measures the same human holds (or
     * whose programme they hold a place in) through another organisation's record, explained by the engine without it.
     */
    private static MatchingView view(Person person, List<UUID> enrolled, List<UUID> declined, Set<UUID> blocked,
                                     List<UUID> held, Set<UUID> heldElsewhere) {
        Set<UUID> excluded = new LinkedHashSet<>(enrolled);
        excluded.addAll(declined);
        excluded.addAll(new TreeSet<>(blocked));
        List<UUID> elsewhere = new TreeSet<>(heldElsewhere).stream().filter(id -> !excluded.contains(id)).toList();
        return new MatchingView(MatchingPerson.of(person), List.copyOf(excluded), List.copyOf(held), elsewhere);
    }

    /** Tags are validated as [A-Z0-9_] codes and ids are UUIDs, so a PostgreSQL array literal needs no escaping. */
    private static String arrayLiteral(Collection<String> tags) {
        return "{" + String.join(",", tags) + "}";
    }
}
