package org.inclusionmatch.worker.matching;

import org.inclusionmatch.worker.api.ApiModels;
import org.inclusionmatch.engine.Evidence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the worker makes of the API's published evidence: nothing without an overall rate, and no malformed cell. */
class PublishedEvidenceTest {

    @Test
    void withoutAnOverallRateThereIsNoEvidence() {
        assertThat(CatalogueCache.evidence(null)).isSameAs(Evidence.NONE);
        assertThat(CatalogueCache.evidence(new ApiModels.OutcomeEvidence(null, 5, List.of()))).isSameAs(Evidence.NONE);
    }

    @Test
    void keepsWellFormedCellsOnly() {
        UUID programme = UUID.randomUUID();
        Evidence evidence = CatalogueCache.evidence(new ApiModels.OutcomeEvidence(0.55, 5, List.of(
                new ApiModels.EvidenceCell("PROGRAMME", programme, "TARGET_GROUP", "OVER_50", 30, 18),
                new ApiModels.EvidenceCell("REGION", programme, "TARGET_GROUP", "ROMA", 30, 18),
                new ApiModels.EvidenceCell("PROGRAMME", programme, "TARGET_GROUP", "CARER", 30, 31))));
        assertThat(evidence.overallRate()).isEqualTo(0.55);
        assertThat(evidence.cellCount()).isEqualTo(1);
    }
}
