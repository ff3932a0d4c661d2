package org.inclusionmatch.profile.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.inclusionmatch.profile.enrolment.EnrolmentMoves;

/**
 * Renders the rule table of referral moves ({@link EnrolmentMoves}) into the status-move operation's description,
 * so the document partners read and the rule the service enforces are the same table.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ReferralMovesDescription implements OASFilter {

    static final String OPERATION_ID = "changeEnrolmentStatus";
    private static final String HEADING = "\n\nWho makes which move:\n\n";

    @Override
    public Operation filterOperation(Operation operation) {
        if (OPERATION_ID.equals(operation.getOperationId())
                && (operation.getDescription() == null || !operation.getDescription().contains(HEADING))) {
            String description = operation.getDescription() == null ? "" : operation.getDescription();
            operation.setDescription(description + HEADING + EnrolmentMoves.markdown());
        }
        return operation;
    }
}
