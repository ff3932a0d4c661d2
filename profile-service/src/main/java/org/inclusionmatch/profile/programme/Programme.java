package org.inclusionmatch.profile.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;
import org.inclusionmatch.profile.organisation.Organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A funded programme (e.g. the Red Cross motivation programme) that groups measures for a period and regions. */
@Entity
@Table(name = "programme")
public class Programme extends VersionedEntity {

    public String code;
    public String name;

    @ManyToOne(optional = false)
    @JoinColumn(name = "operator_id")
    public Organisation operator;

    @ManyToOne
    @JoinColumn(name = "funder_id")
    public Organisation funder;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public int capacity;

    /** Participants holding a place in one of its measures; changed only under this row's lock (see SeatLedger). */
    @Column(name = "places_held")
    public int placesHeld;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> regions;

    /** A CEL expression over {@code person}; null admits everyone. */
    public String eligibility;

    /** Quotas allocation rounds respect (issue 14), as JSON; null when there are none. Read through {@link #quotas()}. */
    @Column(name = "quotas")
    String quotasJson;

    private static final ObjectMapper JSON = new ObjectMapper();

    public List<ProgrammeQuota> quotas() {
        try {
            return quotasJson == null ? List.of() : List.of(JSON.readValue(quotasJson, ProgrammeQuota[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored quotas of programme " + id + " are not readable", e);
        }
    }

    public void quotas(List<ProgrammeQuota> quotas) {
        try {
            quotasJson = quotas == null || quotas.isEmpty() ? null : JSON.writeValueAsString(quotas);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Fired when an update raised the capacity, so those waiting for a programme place move up. */
    public record CapacityRaised(UUID programmeId) {
    }

    public static Optional<Programme> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
