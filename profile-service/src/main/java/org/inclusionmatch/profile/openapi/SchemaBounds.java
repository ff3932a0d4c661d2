package org.inclusionmatch.profile.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound on every string, integer and array of the document (OWASP API4:2023, unrestricted resource consumption),
 * each one true of what the service takes and answers. Request fields are bounded where the service validates them
 * (Bean Validation, which the scanner writes as maxLength/pattern/minimum/maximum/maxItems); this step adds, only where
 * a schema has none:
 * <ol>
 *   <li>strings: by format (a UUID is 36 characters, a date 10, a date-time at most 35: years 1-9999, nanoseconds and
 *       an offset), by a pattern that fixes the length (the codes of {@code vocabulary.Codes}), by the request schema the
 *       value was validated through when it was written ({@link #WRITTEN_THROUGH}), a $ref'd scalar's own bound, or
 *       {@link #STRINGS} (database columns and caps the code enforces); query and header parameters by the HTTP
 *       server's request-line and header limits;</li>
 *   <li>arrays: the request schema the value was written through, an array of distinct enum values by the enum's size,
 *       pages by the page size, or {@link #ARRAYS};</li>
 *   <li>integers: {@link #INTEGERS}, else the range of their format (int32, int64): the Java type the value is held
 *       in, which neither Jackson nor the service lets it leave.</li>
 * </ol>
 * A string or array none of these covers keeps no bound, and the lint gate (contracts/.spectral.yaml) fails.
 */
final class SchemaBounds {

    /** Response (and import) schemas whose strings and arrays were validated by a request schema when written. */
    static final Map<String, String> WRITTEN_THROUGH = Map.ofEntries(
            Map.entry("Organisation", "OrganisationRequest"), Map.entry("OrganisationRef", "OrganisationRequest"),
            Map.entry("Programme", "ProgrammeRequest"), Map.entry("CatalogueProgramme", "ProgrammeRequest"),
            Map.entry("Measure", "MeasureRequest"), Map.entry("CatalogueMeasure", "MeasureRequest"),
            Map.entry("MeasureRef", "MeasureRequest"), Map.entry("MeasureSummary", "MeasureRequest"),
            Map.entry("WhatIfDraftMeasure", "MeasureRequest"),
            Map.entry("Person", "PersonRequest"), Map.entry("MatchingPerson", "PersonRequest"),
            Map.entry("SharedProfile", "PersonRequest"),
            Map.entry("Enrolment", "EnrolmentRequest"), Map.entry("Referral", "EnrolmentRequest"),
            Map.entry("Decision", "DecisionRequest"),
            Map.entry("Recommendations", "RecommendationsRequest"),
            Map.entry("Recommendation", "ComputedRecommendation"), Map.entry("WhyNot", "ComputedWhyNot"),
            Map.entry("Consent", "ConsentRequest"), Map.entry("AllocationRound", "ProgrammeRequest"),
            Map.entry("WebhookEndpoint", "WebhookEndpointRequest"));

    /** Strings no request bounds, by "Schema.property" ("[]" for an array's items, "{}" for a map's values). */
    static final Map<String, Integer> STRINGS = Map.ofEntries(
            // codes of organisations, programmes and measures: varchar(64), Codes.RECORD_CODE
            Map.entry("Recommendation.measureCode", 64), Map.entry("WhyNot.measureCode", 64),
            Map.entry("WhatIfDisplaced.measureCode", 64), Map.entry("FairnessReport.programmeCode", 64),
            Map.entry("InclusionReport.programmeCode", 64), Map.entry("CatalogueMeasure.programme", 64),
            Map.entry("CatalogueMeasure.provider", 64), Map.entry("CatalogueProgramme.operator", 64),
            Map.entry("CatalogueProgramme.funder", 64),
            // names: organisations.name and programmes.name varchar(200)
            Map.entry("NamedReference.name", 200),
            // who did it: the token's subject, varchar(200) in every table that records one
            Map.entry("AllocationRound.openedBy", 200), Map.entry("AllocationRound.confirmedBy", 200),
            Map.entry("Consent.recordedBy", 200), Map.entry("Consent.withdrawnBy", 200),
            Map.entry("Decision.decidedBy", 200), Map.entry("AuditEntry.subject", 200),
            Map.entry("AuditEntry.roles", 200), Map.entry("AuditEntry.operation", 16), Map.entry("AuditEntry.outcome", 16),
            Map.entry("AuditEntry.resourceType", 32),
            // reason codes: varchar(32)
            Map.entry("Enrolment.reason", 32), Map.entry("Referral.reason", 32),
            Map.entry("Referral.note", 500), Map.entry("Referral.message", 2000),
            // the engine's version: varchar(64), RecommendationsRequest.engineVersion
            Map.entry("WhatIfAnswer.engineVersion", 64),
            // open-list codes (Codes.TAG) and regions (enum names) in reports and evidence; a quota's group is
            // "TARGET_GROUP:" and a code (AllocationService)
            Map.entry("AllocationQuota.group", 77), Map.entry("FairnessGroup.group", 64),
            Map.entry("OutcomeEvidenceCell.group", 64), Map.entry("OutcomeEvidenceCell.scope", 32),
            Map.entry("OutcomeEvidenceCell.value", 64), Map.entry("InclusionReportCell.region", 64),
            Map.entry("InclusionReportFilters.region", 64), Map.entry("InclusionReportFilters.targetGroup", 64),
            Map.entry("WhatIfCell.region", 64), Map.entry("WhatIfCell.targetGroup", 64),
            Map.entry("RecordedOutcome.regionWhenRecorded", 16), Map.entry("RecordedOutcome.targetGroupsWhenRecorded[]", 64),
            // FairnessReportService.DENOMINATORS: fixed sentences, each under 100 characters
            Map.entry("FairnessStageRates.denominator", 200),
            // the disclosure-control method's name (disclosure.CellKeyMethod)
            Map.entry("AllocationRoundFairness.disclosureControl", 64), Map.entry("FairnessReport.disclosureControl", 64),
            Map.entry("InclusionReport.disclosureControl", 64), Map.entry("WhatIfAnswer.disclosureControl", 64),
            // vocabulary: codes, code-list names, language tags and labels (i18n bundles, checked by VocabularyLabelsTest)
            Map.entry("Code.code", 64), Map.entry("Code.label", 200), Map.entry("Code.labels{}", 200),
            Map.entry("CodeList.name", 64), Map.entry("Vocabulary.language", 8),
            // a reason's parameter values: RecommendationsRequest.Reason validates them (the engine cuts them at 500)
            Map.entry("Reason.params{}", 500),
            // the person import's report (person.ImportReport): externalRef varchar(64), details by the service
            Map.entry("PersonImportLineError.externalRef", 64), Map.entry("PersonImportLineError.detail", 1000),
            // problems: capped where they are made (common.problem.Problem)
            // webhooks: a secret is whsec_ and 44 base64 characters; the rest are columns of V18__webhooks.sql
            Map.entry("WebhookEndpoint.secret", 50), Map.entry("WebhookDelivery.eventType", 64),
            Map.entry("WebhookDelivery.status", 16), Map.entry("WebhookAttempt.error", 200),
            Map.entry("WebhookAttempt.responseExcerpt", 256),
            Map.entry("Problem.title", 200), Map.entry("Problem.detail", 2000), Map.entry("Problem.requestId", 64),
            Map.entry("Violation.field", 200), Map.entry("Violation.message", 1000),
            Map.entry("PersonImportRejected.title", 200), Map.entry("PersonImportRejected.detail", 2000),
            Map.entry("PersonImportRejected.requestId", 64),
            // the person's languages on a referral (PersonRequest.languages, Codes.LANGUAGE)
            Map.entry("Referral.languages[]", 3),
            // a file's free text, not stored: the body limit (1 MiB) bounds it
            Map.entry("CatalogueFile.about", 1_048_576),
            // the reports as CSV: a row per region (inclusion) or per stage and group of the fixed code lists (fairness),
            // each under 200 characters: a few kilobytes, far under 1 MiB
            Map.entry("response.inclusionReport", 1_048_576), Map.entry("response.fairnessReport", 1_048_576));

    /** Arrays no request bounds, by "Schema.property". */
    static final Map<String, Integer> ARRAYS = Map.ofEntries(
            // one outcome per item of the batch (RecommendationsBatchRequest.items, at most 500)
            Map.entry("RecommendationsBatchResult.items", 500),
            // one answer per draft measure (WhatIfRequest.measures, at most 20)
            Map.entry("WhatIfAnswer.draftMeasures", 20),
            // the person's languages (PersonRequest.languages, at most 10)
            Map.entry("Referral.languages", 10),
            // Bounded only by what the service holds: lists of records (a round's candidates, a person's export, the
            // audit's persons, a report's groups, a code list's codes, ...), which no request caps. Declared with the
            // largest size a Java list can have, which is true, and visible here as a decision, not a gap.
            Map.entry("AllocationRound.items", Integer.MAX_VALUE), Map.entry("AuditEntry.personIds", Integer.MAX_VALUE),
            Map.entry("CodeList.codes", Integer.MAX_VALUE), Map.entry("Vocabulary.codeLists", Integer.MAX_VALUE),
            Map.entry("SharedProfile.categories", Integer.MAX_VALUE), Map.entry("SharedProfile.consentIds", Integer.MAX_VALUE),
            Map.entry("Enrolment.nextMoves", Integer.MAX_VALUE),
            Map.entry("FairnessDimensionRates.groups", Integer.MAX_VALUE),
            Map.entry("FairnessRates.dimensions", Integer.MAX_VALUE), Map.entry("FairnessReport.stages", Integer.MAX_VALUE),
            Map.entry("InclusionReport.byRegion", Integer.MAX_VALUE), Map.entry("KeepApartList.items", Integer.MAX_VALUE),
            Map.entry("MatchingPage.items", Integer.MAX_VALUE),
            Map.entry("MatchingView.excludedMeasureIds", Integer.MAX_VALUE),
            Map.entry("MatchingView.heldElsewhereMeasureIds", Integer.MAX_VALUE),
            Map.entry("MatchingView.heldProgrammeIds", Integer.MAX_VALUE),
            Map.entry("OutcomeEvidence.cells", Integer.MAX_VALUE),
            Map.entry("PersonExport.accessLog", Integer.MAX_VALUE), Map.entry("PersonExport.allocations", Integer.MAX_VALUE),
            Map.entry("PersonExport.consents", Integer.MAX_VALUE), Map.entry("PersonExport.decisions", Integer.MAX_VALUE),
            Map.entry("PersonExport.enrolments", Integer.MAX_VALUE), Map.entry("PersonExport.outcomes", Integer.MAX_VALUE),
            Map.entry("PersonExport.referrals", Integer.MAX_VALUE),
            Map.entry("PersonImportLineError.errors", Integer.MAX_VALUE), Map.entry("Problem.violations", Integer.MAX_VALUE),
            Map.entry("RecordedOutcome.targetGroupsWhenRecorded", Integer.MAX_VALUE),
            Map.entry("WhatIfAnswer.byRegion", Integer.MAX_VALUE), Map.entry("WhatIfAnswer.byTargetGroup", Integer.MAX_VALUE),
            Map.entry("WhatIfAnswer.displaced", Integer.MAX_VALUE));

    /** Integers with a range narrower than their type's: [minimum, maximum], by "Schema.property" or "*.property". */
    static final Map<String, long[]> INTEGERS = Map.ofEntries(
            Map.entry("*.version", new long[]{0, Long.MAX_VALUE}),
            Map.entry("*.profileVersion", new long[]{0, Long.MAX_VALUE}),
            Map.entry("*.personVersion", new long[]{0, Long.MAX_VALUE}),
            Map.entry("*.measureVersion", new long[]{0, Long.MAX_VALUE}),
            Map.entry("*.total", new long[]{0, Long.MAX_VALUE}),
            // a page echoes the request's page and size (common.paging.PageParams)
            Map.entry("*.page", new long[]{0, Integer.MAX_VALUE}),
            Map.entry("*.size", new long[]{1, org.inclusionmatch.profile.common.paging.PageParams.MAX_SIZE}),
            Map.entry("*.capacity", new long[]{0, 1_000_000}),
            Map.entry("*.answerDays", new long[]{1, 90}),
            Map.entry("*.status", new long[]{100, 599}),
            Map.entry("AuditEntry.httpStatus", new long[]{100, 599}),
            Map.entry("WebhookDelivery.attempts", new long[]{0, Integer.MAX_VALUE}),
            Map.entry("WebhookDelivery.lastStatusCode", new long[]{100, 599}),
            Map.entry("WebhookAttempt.statusCode", new long[]{100, 599}),
            Map.entry("WebhookAttempt.durationMs", new long[]{0, Integer.MAX_VALUE}),
            Map.entry("WebhookAttempt.id", new long[]{1, Long.MAX_VALUE}));

    private static final Pattern BOUNDED = Pattern.compile("(\\[(?:\\\\.|[^\\]])*]|\\\\.|[^\\[\\\\{}?*+|()])(\\{(\\d+)(?:,(\\d+))?}|\\?)?");

    private SchemaBounds() {
    }

    static void apply(OpenAPI openAPI) {
        var components = openAPI.getComponents();
        Map<String, Schema> schemas = components.getSchemas();
        int requestLine = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-initial-line-length", Integer.class).orElse(4096);
        int headerSize = (int) Math.min(Integer.MAX_VALUE, ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-header-size", io.quarkus.runtime.configuration.MemorySize.class)
                .map(io.quarkus.runtime.configuration.MemorySize::asLongValue).orElse(20_480L));
        // scalars first, so that a $ref'd one lends its bound
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null) {
                visit(schema, name, "", schemas);
            }
        });
        schemas.forEach((name, schema) -> visit(schema, name, "", schemas));
        if (components.getHeaders() != null) {
            components.getHeaders().forEach((name, header) -> headerBound(header, name, headerSize, schemas));
        }
        if (components.getParameters() != null) {
            components.getParameters().values().forEach(p -> parameterBound(p, requestLine, headerSize, schemas));
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> parameterBound(p, requestLine, headerSize, schemas));
            }
            RequestBody body = operation.getRequestBody();
            if (body != null && body.getContent() != null) {
                body.getContent().getMediaTypes().values().forEach(m -> visit(m.getSchema(), "request", "", schemas));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    if (response.getHeaders() != null) {
                        response.getHeaders().forEach((name, header) -> headerBound(header, name, headerSize, schemas));
                    }
                    if (response.getContent() != null) {
                        for (MediaType media : response.getContent().getMediaTypes().values()) {
                            visit(media.getSchema(), "response", operation.getOperationId(), schemas);
                        }
                    }
                }
            }
        }));
    }

    private static void parameterBound(Parameter parameter, int requestLine, int headerSize, Map<String, Schema> schemas) {
        Schema schema = parameter.getSchema();
        if (schema == null) {
            return;
        }
        visit(schema, "parameter", parameter.getName(), schemas);
        // what the HTTP server reads at all: a query value within the request line, a header within the header limit
        if (isString(schema) && unbounded(schema)) {
            schema.setMaxLength(parameter.getIn() == Parameter.In.HEADER ? headerSize : requestLine);
        }
    }

    private static void headerBound(Header header, String name, int headerSize, Map<String, Schema> schemas) {
        if (header.getSchema() != null) {
            visit(header.getSchema(), "header", name, schemas);
            if (isString(header.getSchema()) && unbounded(header.getSchema())) {
                header.getSchema().setMaxLength(headerSize);
            }
        }
    }

    private static void visit(Schema schema, String owner, String property, Map<String, Schema> schemas) {
        if (schema == null) {
            return;
        }
        Schema source = source(owner, property, schemas);
        if (schema.getRef() != null) {
            Schema target = schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            if (isString(schema) && unbounded(schema) && target != null && target.getMaxLength() != null) {
                schema.setMaxLength(target.getMaxLength());
            }
        }
        if (isString(schema) && unbounded(schema)) {
            if (source != null && source.getPattern() != null && schema.getPattern() == null) {
                schema.setPattern(source.getPattern());
            }
            Integer bound = byFormat(schema.getFormat());
            bound = bound != null ? bound : patternLength(schema.getPattern());
            bound = bound != null || source == null ? bound : source.getMaxLength();
            bound = bound != null ? bound : STRINGS.get(owner + "." + property);
            if (bound != null) {
                schema.setMaxLength(bound);
            }
        }
        if (has(schema, Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            Integer bound = source != null ? source.getMaxItems() : null;
            bound = bound != null ? bound : distinctEnumValues(schema, schemas);
            bound = bound != null ? bound : ARRAYS.get(owner + "." + property);
            // the refused lines listed in one import answer (person.PersonImportConfig#maxErrors)
            bound = bound != null || !property.equals("errors") || !owner.startsWith("PersonImport") ? bound
                    : ConfigProvider.getConfig().getOptionalValue("inclusion.person-import.max-errors", Integer.class).orElse(1000);
            bound = bound != null || !owner.startsWith("PageResult") ? bound
                    : Integer.valueOf(org.inclusionmatch.profile.common.paging.PageParams.MAX_SIZE);
            if (bound != null) {
                schema.setMaxItems(bound);
            }
        }
        if (has(schema, Schema.SchemaType.INTEGER) && schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
            long[] range = INTEGERS.getOrDefault(owner + "." + property, INTEGERS.get("*." + property));
            long[] type = "int64".equals(schema.getFormat()) ? new long[]{Long.MIN_VALUE, Long.MAX_VALUE}
                    : "int32".equals(schema.getFormat()) ? new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE} : null;
            range = range != null ? range : type;
            if (range != null) {
                if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                    schema.setMinimum(BigDecimal.valueOf(range[0]));
                }
                schema.setMaximum(BigDecimal.valueOf(range[1]));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, p) -> visit(p, owner, name, schemas));
        }
        if (schema.getItems() != null) {
            visit(schema.getItems(), owner, property + "[]", schemas);
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            visit(schema.getAdditionalPropertiesSchema(), owner, property + "{}", schemas);
        }
        for (List<Schema> choices : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (choices != null) {
                choices.forEach(choice -> visit(choice, owner, property, schemas));
            }
        }
    }

    /** The same property of the request schema the owner's values were validated through, if any. */
    private static Schema source(String owner, String property, Map<String, Schema> schemas) {
        String request = WRITTEN_THROUGH.get(owner);
        if (request == null || property.isEmpty() || schemas.get(request) == null
                || schemas.get(request).getProperties() == null) {
            return null;
        }
        String name = property.replace("[]", "").replace("{}", "");
        Schema source = schemas.get(request).getProperties().get(name);
        if (source != null && property.endsWith("[]")) {
            source = source.getItems();
        }
        return source == null || property.endsWith("{}") ? null : source;
    }

    private static Integer byFormat(String format) {
        if (format == null) {
            return null;
        }
        return switch (format) {
            case "uuid" -> 36;
            case "date" -> 10;
            case "date-time" -> 35;
            case "email" -> 254;
            case "uri" -> 2048;
            default -> null;
        };
    }

    /**
     * The longest string an anchored pattern of fixed-length pieces admits, or null when it admits any length (a JSON
     * Schema pattern without ^ and $ matches anywhere in the string: NotBlank's \S bounds nothing).
     */
    static Integer patternLength(String pattern) {
        if (pattern == null || !pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
            return null;
        }
        String body = pattern.substring(1, pattern.length() - 1);
        Matcher piece = BOUNDED.matcher(body);
        int length = 0;
        int at = 0;
        while (at < body.length() && piece.find(at) && piece.start() == at) {
            String count = piece.group(2);
            length += count == null || count.equals("?") ? 1
                    : Integer.parseInt(piece.group(4) != null ? piece.group(4) : piece.group(3));
            at = piece.end();
        }
        return at == body.length() ? length : null;
    }

    private static Integer distinctEnumValues(Schema array, Map<String, Schema> schemas) {
        Schema items = array.getItems();
        if (!Boolean.TRUE.equals(array.getUniqueItems()) || items == null) {
            return null;
        }
        Schema target = items.getRef() == null ? items : schemas.get(items.getRef().substring(items.getRef().lastIndexOf('/') + 1));
        return target == null || target.getEnumeration() == null ? null : target.getEnumeration().size();
    }

    private static boolean unbounded(Schema schema) {
        return schema.getMaxLength() == null && schema.getEnumeration() == null && schema.getConstValue() == null;
    }

    private static boolean isString(Schema schema) {
        return has(schema, Schema.SchemaType.STRING);
    }

    private static boolean has(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
