package org.inclusionmatch.profile.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.inclusionmatch.profile.allocation.AllocationRoundView;
import org.inclusionmatch.profile.allocation.RoundFairness;
import org.inclusionmatch.profile.audit.AuditResource;
import org.inclusionmatch.profile.catalogue.ImportSummary;
import org.inclusionmatch.profile.decision.DecisionView;
import org.inclusionmatch.profile.enrolment.EnrolmentView;
import org.inclusionmatch.profile.gdpr.PersonExport;
import org.inclusionmatch.profile.matching.MatchingPage;
import org.inclusionmatch.profile.matching.MatchingView;
import org.inclusionmatch.profile.measure.MeasureView;
import org.inclusionmatch.profile.organisation.OrganisationView;
import org.inclusionmatch.profile.outcome.OutcomeView;
import org.inclusionmatch.profile.person.ImportReport;
import org.inclusionmatch.profile.person.PersonView;
import org.inclusionmatch.profile.programme.ProgrammeView;
import org.inclusionmatch.profile.recommendation.RecommendationBatchResult;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.inclusionmatch.profile.referral.ConsentView;
import org.inclusionmatch.profile.referral.ReferralView;
import org.inclusionmatch.profile.report.FairnessReport;
import org.inclusionmatch.profile.report.InclusionReport;

import org.inclusionmatch.profile.webhook.WebhookAttemptView;
import org.inclusionmatch.profile.webhook.WebhookDeliveryView;
import org.inclusionmatch.profile.webhook.WebhookEndpointView;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code required} and nullability of the records the API answers with. Jackson writes every component of a record,
 * null or not, so every property of a response record that is never null is required; the ones that can be null are
 * not (a record may be a request body too, where they may be left out) and are listed here, by
 * schema, from the code that fills them, and are {@code [type, "null"]} in the document. Records written with
 * {@code @JsonInclude(NON_NULL/NON_EMPTY)} (Problem) leave out what is empty and are left as they are.
 */
final class ResponseRecords {

    /** Every record type an operation answers with; the records they hold are found from these. */
    static final List<Class<?>> ROOTS = List.of(OrganisationView.class, ProgrammeView.class, MeasureView.class,
            PersonView.class, OutcomeView.class, EnrolmentView.class, RecommendationsView.class, DecisionView.class,
            MatchingView.class, MatchingPage.class, PersonExport.class, InclusionReport.class, ImportSummary.class,
            ImportReport.class, RecommendationBatchResult.class, AuditResource.AuditView.class, FairnessReport.class,
            RoundFairness.class, ReferralView.class, ConsentView.class, AllocationRoundView.class,
            WebhookEndpointView.class, WebhookDeliveryView.class, WebhookAttemptView.class);

    /** Schema name -> properties that can be null. */
    static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry("Programme", Set.of("funderId", "eligibility", "eligibilityDescription")),
            Map.entry("Measure", Set.of("programmeId", "startDate", "endDate", "eligibility", "eligibilityDescription")),
            Map.entry("Person", Set.of("externalRef")),
            Map.entry("PersonLegalBasis", Set.of("consentDate", "reference")),
            Map.entry("Outcome", Set.of("followUpStatus", "followUpDate")),
            Map.entry("Enrolment", Set.of("programmeId", "waitlistPosition", "reason", "note", "answerBy", "overdue")),
            Map.entry("Recommendations", Set.of("profileVersion", "engineVersion", "evaluationDay", "computedAt")),
            Map.entry("Recommendation", Set.of("measure")),
            Map.entry("WhyNot", Set.of("measure")),
            Map.entry("MeasureSummary", Set.of("programme")),
            Map.entry("Reason", Set.of("params")),
            Map.entry("Decision", Set.of("reasonCode", "note", "enrolmentId", "enrolment")),
            Map.entry("MatchingPage", Set.of("next")),
            Map.entry("InclusionReportFilters", Set.of("region", "targetGroup", "measureId")),
            Map.entry("InclusionReportCell", Set.of("region", "participants", "included", "rate", "ratePercent")),
            Map.entry("FairnessGroup", Set.of("group", "base", "count", "rate", "ratioToBest", "belowFourFifths")),
            Map.entry("FairnessDimensionRates", Set.of("bestRate", "minimumRatio")),
            Map.entry("AllocationRoundFairness", Set.of("programmeId", "measureId")),
            Map.entry("AllocationRound", Set.of("measureId", "programmeId", "expectedInclusion", "solve", "confirmedBy", "confirmedAt")),
            Map.entry("AllocationComparison", Set.of("expectedInclusion")),
            Map.entry("AllocationPlanning", Set.of("periodEnd", "weeklyArrivals")),
            Map.entry("AllocationQuota", Set.of("minPlaces", "maxPlaces", "assigned", "firstComeFirstServed")),
            Map.entry("AllocationCandidate", Set.of("bestMeasureId", "measureId", "firstComeFirstServedMeasureId", "enrolmentId",
                    "waitlistPosition", "expectedWaitWeeks")),
            Map.entry("AllocationEntry", Set.of("measureId", "enrolmentId", "waitlistPosition", "expectedWaitWeeks")),
            Map.entry("AuditEntry", Set.of("organisationId", "resourceType", "resourceId", "roles")),
            Map.entry("PersonImportLineError", Set.of("externalRef")),
            Map.entry("RecommendationsBatchOutcome", Set.of("version")),
            Map.entry("RecordedOutcome", Set.of("regionWhenRecorded")),
            Map.entry("Referral", Set.of("reason", "note", "answerBy", "overdue", "contact", "message")),
            Map.entry("ReferralContact", Set.of("email", "phone")),
            Map.entry("Consent", Set.of("endedAt", "withdrawnBy")),
            Map.entry("WebhookEndpoint", Set.of("description", "secret", "previousSecretExpiresAt", "failingSince", "disabledAt")),
            Map.entry("WebhookDelivery", Set.of("nextAttemptAt", "lastAttemptAt", "lastStatusCode", "deliveredAt")),
            Map.entry("WebhookAttempt", Set.of("statusCode", "error", "responseExcerpt")));

    private ResponseRecords() {
    }

    static void markRequired(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<Class<?>> records = new LinkedHashSet<>();
        ROOTS.forEach(root -> collect(root, records));
        for (Class<?> record : records) {
            Schema schema = schemas.get(schemaName(record));
            JsonInclude include = record.getAnnotation(JsonInclude.class);
            if (schema == null || schema.getProperties() == null
                    || include != null && include.value() != JsonInclude.Include.ALWAYS) {
                continue;
            }
            Set<String> nullable = NULLABLE.getOrDefault(schemaName(record), Set.of());
            List<String> required = new ArrayList<>();
            for (RecordComponent component : record.getRecordComponents()) {
                if (schema.getProperties().containsKey(component.getName())) {
                    if (nullable.contains(component.getName())) {
                        // nullable, and not required: some of these records are request bodies too
                        // (PersonLegalBasis, quotas), where a client may leave the field out
                        schema.addProperty(component.getName(), nullable(schema.getProperties().get(component.getName())));
                    } else {
                        required.add(component.getName());
                    }
                }
            }
            schema.required(required);
        }
        // generic pages: PageResult<T> has the same four members for every T
        schemas.forEach((name, schema) -> {
            if (name.startsWith("PageResult") && schema.getProperties() != null) {
                schema.required(List.of("items", "page", "size", "total"));
            }
        });
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            // Only the description and examples stay beside the choice: a type or pattern copied from the referenced schema (as
            // the scanner does for a described $ref) would refuse the null the choice allows.
            return OASFactory.createSchema().description(property.getDescription()).examples(property.getExamples()).anyOf(List.of(
                    OASFactory.createSchema().ref(property.getRef()), OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        }
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    static String schemaName(Class<?> type) {
        var annotation = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return annotation != null && !annotation.name().isEmpty() ? annotation.name() : type.getSimpleName();
    }

    private static void collect(Class<?> type, Set<Class<?>> records) {
        if (!type.isRecord() || !records.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            collect(component.getGenericType(), records);
        }
    }

    private static void collect(Type type, Set<Class<?>> records) {
        if (type instanceof Class<?> c) {
            collect(c, records);
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, records);
            }
        }
    }
}
