package org.inclusionmatch.worker.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of profile-service's JSON the worker reads and writes. Unknown fields are ignored, so the API can
 * grow without breaking the worker.
 */
public final class ApiModels {

    private ApiModels() {
    }

    public record Person(UUID id, String role, String archetype, int birthYear, String gender,
                         String region, String municipality, List<String> targetGroups, List<String> needs,
                         List<String> goals, List<String> languages, long version) {
    }

    public record MatchingView(Person person, List<UUID> excludedMeasureIds, List<UUID> heldProgrammeIds,
                               List<UUID> heldElsewhereMeasureIds) {

        public MatchingView(Person person, List<UUID> excludedMeasureIds) {
            this(person, excludedMeasureIds, List.of(), List.of());
        }
    }

    public record MatchingViewsRequest(List<UUID> ids) {
    }

    public record MatchingViews(List<MatchingView> items) {
    }

    public record MatchingPage(List<MatchingView> items, UUID next) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record Programme(UUID id, String code, LocalDate startDate, LocalDate endDate, Integer capacity,
                            List<String> regions, String eligibility, int placesHeld) {

        public Programme(UUID id, String code, LocalDate startDate, LocalDate endDate, Integer capacity,
                         List<String> regions, String eligibility) {
            this(id, code, startDate, endDate, capacity, regions, eligibility, 0);
        }
    }

    public record Measure(UUID id, String code, UUID programmeId, String kind, String title, List<String> needs,
                          List<String> goals, List<String> regions, boolean remote, int capacity, int seatsTaken,
                          int seatsHeld, LocalDate startDate, LocalDate endDate, String eligibility,
                          List<String> audienceRoles, List<String> languages, Integer waitlist,
                          Integer releasedLast90Days) {

        public Measure(UUID id, String code, UUID programmeId, String kind, String title, List<String> needs,
                       List<String> goals, List<String> regions, boolean remote, int capacity, int seatsTaken,
                       int seatsHeld, LocalDate startDate, LocalDate endDate, String eligibility) {
            this(id, code, programmeId, kind, title, needs, goals, regions, remote, capacity, seatsTaken, seatsHeld,
                    startDate, endDate, eligibility, List.of(), List.of(), null, null);
        }
    }

    public record Reason(String code, Map<String, String> params, String text) {
    }

    /** Published inclusion per programme or measure and target group (disclosure-controlled by the API). */
    public record OutcomeEvidence(Double overallRate, int minimumCell, List<EvidenceCell> cells) {
    }

    public record EvidenceCell(String scope, UUID id, String group, String value, int participants, int included) {
    }

    public record Recommendation(int rank, UUID measureId, String measureCode, double score, List<Reason> reasons) {
    }

    public record WhyNot(UUID measureId, String measureCode, List<Reason> unmet, List<Reason> changes) {
    }

    public record Recommendations(long profileVersion, String engineVersion, LocalDate evaluationDay, Instant computedAt,
                                  List<Recommendation> recommendations, List<WhyNot> whyNot) {

        public Recommendations(long profileVersion, String engineVersion, LocalDate evaluationDay, Instant computedAt,
                               List<Recommendation> recommendations) {
            this(profileVersion, engineVersion, evaluationDay, computedAt, recommendations, List.of());
        }
    }

    /** One person's result in a batch store: {@link Recommendations} with the person's id. */
    public record StoreItem(UUID personId, long profileVersion, String engineVersion, LocalDate evaluationDay,
                            Instant computedAt, List<Recommendation> recommendations, List<WhyNot> whyNot) {

        public StoreItem(UUID personId, long profileVersion, String engineVersion, LocalDate evaluationDay,
                         Instant computedAt, List<Recommendation> recommendations) {
            this(personId, profileVersion, engineVersion, evaluationDay, computedAt, recommendations, List.of());
        }
    }

    public record StoreBatch(List<StoreItem> items) {
    }

    /** STORED, UNCHANGED, STALE, WITHDRAWN or NOT_FOUND; version is the set's when stored or unchanged. */
    public record StoreOutcome(UUID personId, String status, Long version) {
    }

    public record StoreResult(List<StoreOutcome> items) {
    }
}
