package org.inclusionmatch.profile.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.inclusionmatch.profile.common.persistence.VersionedEntity;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.vocabulary.MeasureKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A support measure a person can take part in: mentoring, a grant, a course, a bed in a half-way house, ... */
@Entity
@Table(name = "measure")
public class Measure extends VersionedEntity {

    public String code;

    @ManyToOne
    @JoinColumn(name = "programme_id")
    public Programme programme;

    @ManyToOne(optional = false)
    @JoinColumn(name = "provider_id")
    public Organisation provider;

    @Enumerated(EnumType.STRING)
    public MeasureKind kind;

    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> needs;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> goals;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> regions;

    public boolean remote;

    /**
     * Given in a shared setting, where participants meet (a group, a shared residence): two persons kept apart never
     * both hold a place. Always true for a kind that is always shared ({@link MeasureKind#alwaysGroupSetting()}); the
     * one fact every keep-apart check reads, in Java and in SQL ({@code measure.group_setting}).
     */
    @Column(name = "group_setting")
    public boolean groupSetting;

    /** The roles the measure is for; empty: any role. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_roles", columnDefinition = "text[]")
    public List<String> audienceRoles = List.of();

    /** The languages it is given in (ISO 639 codes); empty: any language. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> languages = List.of();

    public int capacity;

    /** Places taken outside this system, as the provider reports them (the demo import's starting count). */
    @Column(name = "seats_taken")
    public int seatsTaken;

    /** Places held by enrolments here; changed only under this row's lock (see SeatLedger). */
    @Column(name = "seats_held")
    public int seatsHeld;

    public int seatsInUse() {
        return seatsTaken + seatsHeld;
    }

    public boolean isFull() {
        return seatsInUse() >= capacity;
    }

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /**
     * Days the provider has to answer a referral, from when a place is offered (1-90); null: the deployment's
     * default ({@code inclusion.referrals.default-answer-days}). Not part of what matching reads.
     */
    @Column(name = "answer_days")
    public Integer answerDays;

    /** A CEL expression over {@code person}; null admits everyone. */
    public String eligibility;

    /** Fired when an update freed places (capacity up or the outside count down), so the waitlist moves up. */
    public record CapacityRaised(UUID measureId) {
    }

    /**
     * A fingerprint of what matching reads of the measure, and nothing else: seat counters and the title are
     * left out, so that a decline holds while the offer itself is unchanged.
     */
    public String matchingFingerprint() {
        String canonical = String.join("|", String.valueOf(kind), programme == null ? "" : programme.id.toString(),
                String.valueOf(needs), String.valueOf(goals), String.valueOf(regions), String.valueOf(remote),
                String.valueOf(audienceRoles), String.valueOf(languages),
                String.valueOf(startDate), String.valueOf(endDate), String.valueOf(eligibility));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static Optional<Measure> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
