package org.inclusionmatch.profile.outbox;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.event.Observes;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.profile.common.events.DomainEvent;
import org.inclusionmatch.profile.person.AffectsMatching;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.inclusionmatch.contracts.events.EventType.*;

/**
 * Every published event type is written in one place, from one domain event type, and every domain event is
 * published. No servers needed; {@code DomainEventsPublishedTest} shows the same events on Kafka.
 */
class DomainEventRecorderTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.inclusionmatch.profile");

    /** Written out here rather than read from the code, so that a changed mapping fails this test. */
    private static final Map<String, List<EventType>> EXPECTED = Map.ofEntries(
            Map.entry("person.PersonEvent$Created", List.of(PERSON_CREATED)),
            Map.entry("person.PersonEvent$Updated", List.of(PERSON_UPDATED)),
            Map.entry("person.PersonEvent$Erased", List.of(PERSON_DELETED)),
            Map.entry("programme.ProgrammeEvent$Created", List.of(PROGRAMME_CREATED)),
            Map.entry("programme.ProgrammeEvent$Updated", List.of(PROGRAMME_UPDATED)),
            Map.entry("programme.ProgrammeEvent$Deleted", List.of(PROGRAMME_DELETED)),
            Map.entry("measure.MeasureEvent$Created", List.of(MEASURE_CREATED)),
            Map.entry("measure.MeasureEvent$Updated", List.of(MEASURE_UPDATED)),
            Map.entry("measure.MeasureEvent$Deleted", List.of(MEASURE_DELETED)),
            Map.entry("recommendation.RecommendationEvent$Updated", List.of(RECOMMENDATIONS_UPDATED)),
            Map.entry("enrolment.EnrolmentEvent$Referred", List.of(PERSON_MATCHING_INPUTS_CHANGED, ENROLMENT_CREATED)),
            Map.entry("enrolment.EnrolmentEvent$Moved", List.of(ENROLMENT_STATUS_CHANGED)),
            Map.entry("enrolment.EnrolmentEvent$Cancelled", List.of(PERSON_MATCHING_INPUTS_CHANGED, ENROLMENT_STATUS_CHANGED)),
            Map.entry("enrolment.EnrolmentEvent$MayBeRecommendedAgain", List.of(PERSON_MATCHING_INPUTS_CHANGED, ENROLMENT_STATUS_CHANGED)),
            Map.entry("decision.RecommendationDeclined", List.of(PERSON_MATCHING_INPUTS_CHANGED)),
            Map.entry("safety.KeepApartEvent", List.of(PERSON_MATCHING_INPUTS_CHANGED)),
            Map.entry("enrolment.OneHumanPlaces$PlaceOfSameHumanChanged", List.of(PERSON_MATCHING_INPUTS_CHANGED)),
            Map.entry("allocation.AllocationRoundEvent$Proposed", List.of(ALLOCATION_ROUND_PROPOSED)),
            Map.entry("allocation.AllocationRoundEvent$Confirmed", List.of(ALLOCATION_ROUND_CONFIRMED)));

    @Test
    void everyEventTypeHasExactlyOneRuleMadeFromItsOwnDomainEventType() {
        assertThat(DomainEventRecorder.RULES.keySet()).containsExactlyInAnyOrder(EventType.values());
        Map<Class<?>, List<EventType>> typesByDomainType = DomainEventRecorder.RULES.entrySet().stream()
                .collect(Collectors.groupingBy(e -> e.getValue().domainType(),
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        assertThat(typesByDomainType).allSatisfy((domainType, types) ->
                assertThat(types).as("published types made from %s", domainType.getName()).hasSize(1));
    }

    @Test
    void everyDomainEventIsPublishedAsExactlyTheTypesWrittenOutHere() throws ClassNotFoundException {
        Map<String, List<EventType>> actual = new TreeMap<>();
        for (JavaClass event : concreteDomainEvents()) {
            Class<? extends DomainEvent> type = Class.forName(event.getName()).asSubclass(DomainEvent.class);
            actual.put(event.getName().substring("org.inclusionmatch.profile.".length()), DomainEventRecorder.publishedAs(type));
        }
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
    }

    @Test
    void everyEventTypeIsProducedByADomainEventAndARematchOnlyThroughAffectsMatching() {
        Set<EventType> produced = EnumSet.noneOf(EventType.class);
        EXPECTED.values().forEach(produced::addAll);
        assertThat(produced).containsExactlyInAnyOrder(EventType.values());
        assertThat(DomainEventRecorder.RULES.get(PERSON_MATCHING_INPUTS_CHANGED).domainType()).isEqualTo(AffectsMatching.class);
    }

    @Test
    void onlyTheRecorderWritesTheOutbox() {
        noClasses().that().doNotHaveFullyQualifiedName(DomainEventRecorder.class.getName())
                .should().callMethod(Outbox.class, "record", EventType.class, UUID.class, long.class, UUID.class)
                .check(CLASSES);
    }

    @Test
    void featuresCannotReachTheOutboxSoTheyCannotWriteEventsByHand() {
        noClasses().that().resideOutsideOfPackage("..profile.outbox..")
                .should().dependOnClassesThat().resideInAPackage("..profile.outbox..")
                .check(CLASSES);
    }

    @Test
    void onlyTheRecorderObservesEveryDomainEvent() {
        Set<String> observers = CLASSES.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getParameters().stream().anyMatch(p -> p.getRawType().isEquivalentTo(DomainEvent.class)
                        && p.isAnnotatedWith(Observes.class)))
                .map(m -> m.getOwner().getName())
                .collect(Collectors.toSet());
        assertThat(observers).containsExactly(DomainEventRecorder.class.getName());
    }

    private static List<JavaClass> concreteDomainEvents() {
        return CLASSES.stream()
                .filter(c -> c.isAssignableTo(DomainEvent.class))
                .filter(c -> !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .toList();
    }
}
