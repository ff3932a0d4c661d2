package org.inclusionmatch.worker.matching;

import org.inclusionmatch.engine.Catalogue;
import org.inclusionmatch.engine.Measure;
import org.inclusionmatch.engine.Programme;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DayChangeRematchTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Measure measure(String code, UUID programme, LocalDate start, LocalDate end) {
        return new Measure(UUID.nameUUIDFromBytes(code.getBytes()), code, programme, "TRAINING", code, List.of("X"), List.of(),
                List.of("RIGA"), false, 10, 0, start, end, null);
    }

    @Test
    void findsTheMeasuresThatOpenTodayOrClosedYesterdayThemselvesOrThroughTheirProgramme() {
        UUID closingProgramme = UUID.randomUUID();
        Catalogue catalogue = Catalogue.of(
                List.of(new Programme(closingProgramme, "P", TODAY.minusYears(1), TODAY.minusDays(1), 10, List.of(), null)),
                List.of(measure("OPENS", null, TODAY, null),
                        measure("CLOSED", null, null, TODAY.minusDays(1)),
                        measure("IN-CLOSED-PROGRAMME", closingProgramme, null, null),
                        measure("RUNNING", null, TODAY.minusDays(5), TODAY.plusDays(5)),
                        measure("CLOSES-TODAY", null, null, TODAY)));
        assertThat(DayChangeRematch.opensOrClosed(catalogue, TODAY)).containsExactlyInAnyOrder(
                UUID.nameUUIDFromBytes("OPENS".getBytes()), UUID.nameUUIDFromBytes("CLOSED".getBytes()),
                UUID.nameUUIDFromBytes("IN-CLOSED-PROGRAMME".getBytes()));
    }
}
