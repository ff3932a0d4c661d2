package org.inclusionmatch.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Small builders with sensible defaults, so each test states only what it is about. */
final class TestData {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private TestData() {
    }

    static UUID id(String code) {
        return UUID.nameUUIDFromBytes(code.getBytes());
    }

    static PersonSpec person() {
        return new PersonSpec();
    }

    static MeasureSpec measure(String code) {
        return new MeasureSpec(code);
    }

    static ProgrammeSpec programme(String code) {
        return new ProgrammeSpec(code);
    }

    static final class PersonSpec {
        String role = "PARTICIPANT";
        String archetype = "SURVIVOR";
        int birthYear = 1990;
        String region = "RIGA";
        String municipality = "Riga";
        List<String> targetGroups = List.of();
        List<String> needs = List.of("HOUSING");
        List<String> goals = List.of();
        Set<UUID> excluded = new HashSet<>();
        Set<UUID> heldElsewhere = new HashSet<>();
        Set<UUID> heldProgrammes = new HashSet<>();
        List<String> languages = List.of("lv");

        PersonSpec role(String value) { role = value; return this; }
        PersonSpec archetype(String value) { archetype = value; return this; }
        PersonSpec birthYear(int value) { birthYear = value; return this; }
        PersonSpec region(String value) { region = value; return this; }
        PersonSpec targetGroups(String... values) { targetGroups = List.of(values); return this; }
        PersonSpec needs(String... values) { needs = List.of(values); return this; }
        PersonSpec goals(String... values) { goals = List.of(values); return this; }
        PersonSpec excluding(String measureCode) { excluded.add(id(measureCode)); return this; }
        PersonSpec heldElsewhere(String measureCode) { heldElsewhere.add(id(measureCode)); return this; }
        PersonSpec languages(String... values) { languages = List.of(values); return this; }
        PersonSpec holdingAPlaceIn(String programmeCode) { heldProgrammes.add(id(programmeCode)); return this; }

        PersonProfile build() {
            return new PersonProfile(id("person"), 1, role, archetype, birthYear, "FEMALE", region, municipality,
                    targetGroups, needs, goals, languages, excluded, heldProgrammes, heldElsewhere);
        }
    }

    static final class MeasureSpec {
        final String code;
        String programme;
        List<String> needs = List.of("HOUSING");
        List<String> goals = List.of();
        List<String> regions = List.of("RIGA");
        boolean remote;
        int capacity = 10;
        int seatsTaken = 2;
        LocalDate startDate;
        LocalDate endDate;
        String eligibility;
        List<String> audienceRoles = List.of();
        List<String> languages = List.of();
        Integer waitlist;
        Integer released;

        MeasureSpec(String code) { this.code = code; }

        MeasureSpec audienceRoles(String... values) { audienceRoles = List.of(values); return this; }
        MeasureSpec languages(String... values) { languages = List.of(values); return this; }
        MeasureSpec waitlist(Integer waiting, Integer releasedLast90Days) { waitlist = waiting; released = releasedLast90Days; return this; }

        MeasureSpec programme(String value) { programme = value; return this; }
        MeasureSpec needs(String... values) { needs = List.of(values); return this; }
        MeasureSpec goals(String... values) { goals = List.of(values); return this; }
        MeasureSpec regions(String... values) { regions = List.of(values); return this; }
        MeasureSpec remote() { remote = true; return this; }
        MeasureSpec seats(int taken, int of) { seatsTaken = taken; capacity = of; return this; }
        MeasureSpec dates(LocalDate start, LocalDate end) { startDate = start; endDate = end; return this; }
        MeasureSpec eligibility(String value) { eligibility = value; return this; }

        Measure build() {
            return new Measure(id(code), code, programme == null ? null : id(programme), "TRAINING", "Title of " + code,
                    needs, goals, regions, remote, capacity, seatsTaken, startDate, endDate, eligibility, audienceRoles,
                    languages, waitlist, released);
        }
    }

    static final class ProgrammeSpec {
        final String code;
        List<String> regions = List.of();
        LocalDate startDate;
        LocalDate endDate;
        String eligibility;
        Integer capacity;
        int placesHeld;

        ProgrammeSpec(String code) { this.code = code; }

        ProgrammeSpec places(int held, int of) { placesHeld = held; capacity = of; return this; }

        ProgrammeSpec regions(String... values) { regions = List.of(values); return this; }
        ProgrammeSpec dates(LocalDate start, LocalDate end) { startDate = start; endDate = end; return this; }
        ProgrammeSpec eligibility(String value) { eligibility = value; return this; }

        Programme build() {
            return new Programme(id(code), code, startDate, endDate, capacity, regions, eligibility, placesHeld);
        }
    }

    static Catalogue catalogue(List<ProgrammeSpec> programmes, List<MeasureSpec> measures) {
        List<Programme> builtProgrammes = new ArrayList<>();
        programmes.forEach(p -> builtProgrammes.add(p.build()));
        List<Measure> builtMeasures = new ArrayList<>();
        measures.forEach(m -> builtMeasures.add(m.build()));
        return Catalogue.of(builtProgrammes, builtMeasures);
    }

    static Catalogue catalogue(MeasureSpec... measures) {
        return catalogue(List.of(), List.of(measures));
    }
}
