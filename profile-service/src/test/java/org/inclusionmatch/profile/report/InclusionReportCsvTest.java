package org.inclusionmatch.profile.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV is what partners' spreadsheets have always read: the same columns, rows and bytes. */
class InclusionReportCsvTest {

    @Test
    void oneRowPerRegionThenTheTotalWithSuppressedCountsLeftEmpty() throws Exception {
        InclusionReport report = new InclusionReport(UUID.randomUUID(), "MOTIV-PIERIGA", LocalDate.of(2022, 3, 1),
                LocalDate.of(2022, 8, 31), new InclusionReport.Filters(null, null, null), 5,
                InclusionReport.DISCLOSURE_CONTROL,
                new InclusionReport.Cell(null, 61, 36, 0.59, 59, false),
                List.of(new InclusionReport.Cell("PIERIGA", 57, 34, 0.596, 60, false),
                        new InclusionReport.Cell("RIGA", null, null, null, null, true)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new InclusionReportCsv().writeTo(report, InclusionReport.class, InclusionReport.class, null, null, null, out);

        assertThat(out.toByteArray()).isEqualTo(("""
                programme,from,to,region,participants,included,rate_percent,suppressed
                MOTIV-PIERIGA,2022-03-01,2022-08-31,PIERIGA,57,34,60,false
                MOTIV-PIERIGA,2022-03-01,2022-08-31,RIGA,,,,true
                MOTIV-PIERIGA,2022-03-01,2022-08-31,TOTAL,61,36,59,false
                """).getBytes(StandardCharsets.UTF_8));
    }
}
