package org.inclusionmatch.profile.safety;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;

import java.util.UUID;

/**
 * Two persons who must never share a residential or group measure. Stored with the smaller id first; no reason is
 * kept. Only the recording organisation sees it. The rows go with either person (the foreign keys cascade).
 */
@Entity
@Table(name = "keep_apart")
public class KeepApart extends VersionedEntity {

    @Column(name = "person_a")
    public UUID personA;

    @Column(name = "person_b")
    public UUID personB;

    @Column(name = "recorded_by_org")
    public UUID recordedByOrganisation;

    @Column(name = "recorded_by")
    public String recordedBy;

    public UUID other(UUID personId) {
        return personA.equals(personId) ? personB : personA;
    }
}
