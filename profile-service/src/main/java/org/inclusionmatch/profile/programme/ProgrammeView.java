package org.inclusionmatch.profile.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Region;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Programme")
public record ProgrammeView(UUID id, String code, String name, UUID operatorId, UUID funderId,
                            LocalDate startDate, LocalDate endDate, int capacity,
                            @Schema(description = "Participants holding a place in one of its measures (read-only)") int placesHeld,
                            List<Region> regions,
                            String eligibility,
                            @Schema(description = "The eligibility rule in plain words, in the answer's language (Accept-Language), for "
                                    + "case workers: what eligibility (CEL, kept for whoever maintains the rule) says, never "
                                    + "the CEL itself; null when there is no rule", maxLength = 1000,
                                    example = "aged 18 to 29 and in one of the target groups: Persons over 50, Roma")
                            String eligibilityDescription,
                            @Schema(description = "Quotas for allocation rounds; empty when none") List<ProgrammeQuota> quotas,
                            long version, Instant createdAt, Instant updatedAt) {

    static ProgrammeView of(Programme p) {
        return new ProgrammeView(p.id, p.code, p.name, p.operator.id, p.funder == null ? null : p.funder.id,
                p.startDate, p.endDate, p.capacity, p.placesHeld, p.regions.stream().map(Region::valueOf).toList(),
                p.eligibility, null, p.quotas(), p.version, p.createdAt, p.updatedAt);
    }

    /** The same programme with its rule in plain words (written on the way out, in the answer's language). */
    public ProgrammeView withEligibilityDescription(String description) {
        return new ProgrammeView(id, code, name, operatorId, funderId, startDate, endDate, capacity, placesHeld, regions,
                eligibility, description, quotas, version, createdAt, updatedAt);
    }
}
