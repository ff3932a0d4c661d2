package org.inclusionmatch.profile.openapi;

import org.inclusionmatch.profile.common.problem.ProblemType;

import java.util.List;
import java.util.Map;

import static org.inclusionmatch.profile.common.problem.ProblemType.ALREADY_ENROLLED;
import static org.inclusionmatch.profile.common.problem.ProblemType.ALREADY_KEPT_APART;
import static org.inclusionmatch.profile.common.problem.ProblemType.ALREADY_RECOMMENDED;
import static org.inclusionmatch.profile.common.problem.ProblemType.CONSENT_NOT_ACTIVE;
import static org.inclusionmatch.profile.common.problem.ProblemType.DUPLICATE_CODE;
import static org.inclusionmatch.profile.common.problem.ProblemType.DUPLICATE_EXTERNAL_REF;
import static org.inclusionmatch.profile.common.problem.ProblemType.DUPLICATE_PERSONAL_CODE;
import static org.inclusionmatch.profile.common.problem.ProblemType.PLACE_ALREADY_HELD;
import static org.inclusionmatch.profile.common.problem.ProblemType.ILLEGAL_TRANSITION;
import static org.inclusionmatch.profile.common.problem.ProblemType.MATCHING_WITHDRAWN;
import static org.inclusionmatch.profile.common.problem.ProblemType.NOT_RECOMMENDED;
import static org.inclusionmatch.profile.common.problem.ProblemType.OUTCOME_EXISTS;
import static org.inclusionmatch.profile.common.problem.ProblemType.ROUND_NOT_PROPOSED;
import static org.inclusionmatch.profile.common.problem.ProblemType.STALE_PROFILE_VERSION;
import static org.inclusionmatch.profile.common.problem.ProblemType.STILL_REFERENCED;

/**
 * The 409 problem types each operation answers with, from the conflicts its use case raises (domain.Conflict causes
 * and the database's unique and foreign keys, common.DatabaseConflicts). The document's 409 of each operation lists
 * them with an example each, instead of one example of a taken code on every write. An operation not listed here
 * refuses a change only by a data-model rule ({@link ProblemType#CONFLICT}).
 */
final class OperationConflicts {

    static final Map<String, List<ProblemType>> BY_OPERATION = Map.ofEntries(
            Map.entry("createOrganisation", List.of(DUPLICATE_CODE)),
            Map.entry("updateOrganisation", List.of(DUPLICATE_CODE)),
            Map.entry("deleteOrganisation", List.of(STILL_REFERENCED)),
            Map.entry("createProgramme", List.of(DUPLICATE_CODE)),
            Map.entry("updateProgramme", List.of(DUPLICATE_CODE)),
            Map.entry("deleteProgramme", List.of(STILL_REFERENCED)),
            Map.entry("createMeasure", List.of(DUPLICATE_CODE)),
            Map.entry("updateMeasure", List.of(DUPLICATE_CODE)),
            Map.entry("deleteMeasure", List.of(STILL_REFERENCED)),
            Map.entry("importCatalogue", List.of(DUPLICATE_CODE)),
            Map.entry("createPerson", List.of(DUPLICATE_EXTERNAL_REF, DUPLICATE_PERSONAL_CODE)),
            Map.entry("updatePerson", List.of(DUPLICATE_EXTERNAL_REF, DUPLICATE_PERSONAL_CODE)),
            Map.entry("importPersons", List.of(DUPLICATE_EXTERNAL_REF)),
            Map.entry("referPerson", List.of(ALREADY_ENROLLED, PLACE_ALREADY_HELD)),
            Map.entry("changeEnrolmentStatus", List.of(ILLEGAL_TRANSITION)),
            Map.entry("recordOutcome", List.of(OUTCOME_EXISTS)),
            Map.entry("updateOutcome", List.of(OUTCOME_EXISTS)),
            Map.entry("decideOnRecommendation", List.of(NOT_RECOMMENDED, ALREADY_RECOMMENDED, ALREADY_ENROLLED, PLACE_ALREADY_HELD)),
            Map.entry("putRecommendations", List.of(STALE_PROFILE_VERSION, MATCHING_WITHDRAWN)),
            Map.entry("confirmAllocationRound", List.of(ROUND_NOT_PROPOSED)),
            Map.entry("recordKeepApart", List.of(ALREADY_KEPT_APART)),
            Map.entry("recordConsent", List.of(CONSENT_NOT_ACTIVE)),
            Map.entry("withdrawConsent", List.of(CONSENT_NOT_ACTIVE)));

    private OperationConflicts() {
    }

    static List<ProblemType> of(String operationId) {
        return BY_OPERATION.getOrDefault(operationId, List.of(ProblemType.CONFLICT));
    }
}
