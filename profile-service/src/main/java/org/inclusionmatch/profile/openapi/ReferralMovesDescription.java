package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.inclusionmatch.profile.enrolment.EnrolmentMoves;

/**
 * Renders the rule table of referral moves ({@link EnrolmentMoves}) into the status-move operation's description,
 * so the document partners read and the rule the service enforces are the same table. A step of
 * {@link ContractDocumentFilter}.
 */
final class ReferralMovesDescription {

    static final String OPERATION_ID = "changeEnrolmentStatus";
    private static final String HEADING = "\n\nWho makes which move:\n\n";

    private ReferralMovesDescription() {
    }

    static void apply(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(
                ReferralMovesDescription::describe));
    }

    private static void describe(Operation operation) {
        if (OPERATION_ID.equals(operation.getOperationId())
                && (operation.getDescription() == null || !operation.getDescription().contains(HEADING))) {
            String description = operation.getDescription() == null ? "" : operation.getDescription();
            operation.setDescription(description + HEADING + EnrolmentMoves.markdown());
        }
    }
}
