package org.inclusionmatch.profile.measure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.MeasureKind;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a list of measures (a person's recommendations, the measures left out and why) shows of each one, so that it
 * renders without a call per measure: the title and kind, who provides it and in which programme, and its places.
 * Catalogue data only. The places are the same figures {@link MeasureView} gives ({@code seatsLeft}, {@code waitlist}).
 */
@Schema(name = "MeasureSummary", description = "The measure as a list shows it: title, kind, provider, programme and "
        + "places, as they are now (read with the list, not stored with it)")
public record MeasureSummary(@Schema(example = "Career guidance in Pierīga") String title,
                             @Schema(example = "CONSULTATION") MeasureKind kind,
                             @Schema(description = "The kind's label in the answer's language (Accept-Language), so that "
                                     + "a screen shows it without another call", maxLength = 200, example = "Konsultācija")
                             String kindLabel,
                             @Schema(description = "The organisation that provides it") NamedReference provider,
                             @Schema(description = "The programme it belongs to; null: none") NamedReference programme,
                             MeasurePlaces places) {

    @Schema(name = "NamedReference", description = "A record's id and its name, enough to show and link it")
    public record NamedReference(UUID id, @Schema(example = "Latvijas Sarkanais Krusts") String name) {
    }

    @Schema(name = "MeasurePlaces", description = "The measure's places now, as GET /measures/{id} gives them")
    public record MeasurePlaces(@Schema(example = "12") int capacity,
                                @Schema(description = "capacity - seatsTaken - seatsHeld, never below 0", example = "3") int seatsLeft,
                                @Schema(description = "Referrals waiting for a place", example = "0") int waitlist) {
    }

    /** The same summary with the kind's label, in the answer's language (written on the way out). */
    public MeasureSummary withKindLabel(String label) {
        return new MeasureSummary(title, kind, label, provider, programme, places);
    }

    /**
     * The summaries of these measures in one query (the provider and programme joined, the waitlist counted in the
     * same statement); a measure that no longer exists is absent.
     */
    static Map<UUID, MeasureSummary> of(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Measure.getEntityManager().createNativeQuery("""
                        select m.id, m.title, m.kind, o.id as provider_id, o.name as provider_name,
                               p.id as programme_id, p.name as programme_name,
                               m.capacity, m.seats_taken + m.seats_held as in_use,
                               (select count(*) from enrolment e
                                where e.measure_id = m.id and e.status = 'WAITLISTED') as waiting
                        from measure m
                        join organisation o on o.id = m.provider_id
                        left join programme p on p.id = m.programme_id
                        where m.id = any(cast(?1 as uuid[]))""")
                .setParameter(1, measureIds.stream().distinct().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<UUID, MeasureSummary> summaries = new HashMap<>();
        for (Object[] row : rows) {
            int capacity = ((Number) row[7]).intValue();
            int inUse = ((Number) row[8]).intValue();
            summaries.put((UUID) row[0], new MeasureSummary((String) row[1], MeasureKind.valueOf((String) row[2]), null,
                    new NamedReference((UUID) row[3], (String) row[4]),
                    row[5] == null ? null : new NamedReference((UUID) row[5], (String) row[6]),
                    new MeasurePlaces(capacity, Math.max(0, capacity - inUse), ((Number) row[9]).intValue())));
        }
        return summaries;
    }
}
