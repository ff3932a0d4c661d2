package org.inclusionmatch.bench;

import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.MatchingEngine;
import org.inclusionmatch.engine.Measure;
import org.inclusionmatch.engine.PersonProfile;
import org.inclusionmatch.engine.Programme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Engine throughput on one core: 10,000 persons against a 500-measure catalogue. One operation is one
 * person x measure evaluation. {@code baseline} runs the same catalogue with every eligibility rule removed,
 * so the ratio of the two shows what the CEL rules cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class EngineBenchmark {

    static final int PERSONS = 10_000;
    static final int MEASURES = 500;
    static final int PROGRAMMES = 25;
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static final List<String> REGIONS = List.of("RIGA", "PIERIGA", "VIDZEME", "KURZEME", "ZEMGALE", "LATGALE");
    static final List<String> NEEDS = List.of("HOUSING", "FIRST_JOB", "DIGITAL_SKILLS", "CAREER_GUIDANCE", "MOTIVATION",
            "PSYCHOLOGICAL", "SOCIAL_SUPPORT", "BUSINESS_SKILLS", "FINANCING", "NETWORK", "PROFESSIONAL_SKILLS", "SOFT_SKILLS");
    static final List<String> GROUPS = List.of("OVER_50", "SINGLE_PARENT", "DISABILITY", "ROMA", "PROBATION_CLIENT",
            "MIGRANT", "NEET", "AFTER_CHILDCARE_LEAVE");
    static final List<String> RULES = List.of(
            "person.role == 'PARTICIPANT' && person.targetGroups.exists(g, g in ['OVER_50','SINGLE_PARENT','DISABILITY','ROMA'])",
            "person.targetGroups.exists(g, g in ['PROBATION_CLIENT','FORMER_PRISONER'])",
            "person.age >= 18 && person.age < 65",
            "person.goals.exists(g, g == 'START_BUSINESS')");

    MatchingEngine engine;
    Catalogue withRules;
    Catalogue withoutRules;
    List<PersonProfile> persons;
    int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Programme> programmes = new ArrayList<>();
        List<Programme> openProgrammes = new ArrayList<>();
        for (int i = 0; i < PROGRAMMES; i++) {
            UUID id = new UUID(1, i);
            programmes.add(new Programme(id, "P" + i, DAY.minusYears(1), DAY.plusYears(1), 100, REGIONS,
                    RULES.get(i % RULES.size())));
            openProgrammes.add(new Programme(id, "P" + i, DAY.minusYears(1), DAY.plusYears(1), 100, REGIONS, null));
        }
        List<Measure> measures = new ArrayList<>();
        List<Measure> openMeasures = new ArrayList<>();
        for (int i = 0; i < MEASURES; i++) {
            List<String> needs = List.of(NEEDS.get(random.nextInt(NEEDS.size())), NEEDS.get(random.nextInt(NEEDS.size())));
            List<String> regions = List.of(REGIONS.get(random.nextInt(REGIONS.size())), REGIONS.get(random.nextInt(REGIONS.size())));
            UUID programme = i % 5 == 0 ? null : new UUID(1, i % PROGRAMMES);
            String rule = i % 3 == 0 ? "person.age >= 18" : null;
            measures.add(new Measure(new UUID(2, i), "M" + i, programme, "TRAINING", "m", needs, List.of(), regions,
                    i % 7 == 0, 20, random.nextInt(21), null, null, rule));
            openMeasures.add(new Measure(new UUID(2, i), "M" + i, programme, "TRAINING", "m", needs, List.of(), regions,
                    i % 7 == 0, 20, random.nextInt(21), null, null, null));
        }
        withRules = Catalogue.of(programmes, measures);
        withoutRules = Catalogue.of(openProgrammes, openMeasures);
        persons = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            persons.add(new PersonProfile(new UUID(3, i), 0, "PARTICIPANT", "GROWTH_ORIENTED", 1950 + random.nextInt(55),
                    "FEMALE", REGIONS.get(random.nextInt(REGIONS.size())), "Town",
                    List.of(GROUPS.get(random.nextInt(GROUPS.size()))),
                    List.of(NEEDS.get(random.nextInt(NEEDS.size())), NEEDS.get(random.nextInt(NEEDS.size())),
                            NEEDS.get(random.nextInt(NEEDS.size()))),
                    List.of("OPEN_LABOUR_MARKET"), List.of("lv"), Set.of()));
        }
        engine = new MatchingEngine();
    }

    private PersonProfile nextPerson() {
        PersonProfile person = persons.get(next);
        next = (next + 1) % PERSONS;
        return person;
    }

    @Benchmark
    @OperationsPerInvocation(MEASURES)
    public void engine(Blackhole sink) {
        sink.consume(engine.recommend(nextPerson(), withRules, DAY));
    }

    @Benchmark
    @OperationsPerInvocation(MEASURES)
    public void baselineWithoutRules(Blackhole sink) {
        sink.consume(engine.recommend(nextPerson(), withoutRules, DAY));
    }
}
