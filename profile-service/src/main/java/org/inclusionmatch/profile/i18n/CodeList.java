package org.inclusionmatch.profile.i18n;

import org.inclusionmatch.contracts.webhooks.WebhookEventType;
import org.inclusionmatch.profile.allocation.AllocationObjective;
import org.inclusionmatch.profile.allocation.AllocationReason;
import org.inclusionmatch.profile.allocation.AllocationRound;
import org.inclusionmatch.profile.decision.Decision;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.outcome.OutcomeStatus;
import org.inclusionmatch.profile.recommendation.RecommendationsView;
import org.inclusionmatch.profile.referral.ConsentStatus;
import org.inclusionmatch.profile.referral.ShareCategory;
import org.inclusionmatch.profile.report.Fairness;
import org.inclusionmatch.profile.report.FairnessReport;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.DeclineReason;
import org.inclusionmatch.profile.vocabulary.EnrolmentReason;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.Goal;
import org.inclusionmatch.profile.vocabulary.LegalBasis;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.Need;
import org.inclusionmatch.profile.vocabulary.OrganisationKind;
import org.inclusionmatch.profile.vocabulary.ReasonCode;
import org.inclusionmatch.profile.vocabulary.ReferralDeclineReason;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;
import org.inclusionmatch.profile.vocabulary.TargetGroup;
import org.inclusionmatch.profile.webhook.WebhookEndpoint;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every list of codes a form needs, by the name {@code /vocabulary/{name}} serves it under. A closed list is what
 * the API accepts; an open one ({@code open = true}) lists the codes with labels, while any well-formed code is
 * accepted. Labels live in {@code i18n/messages_<lang>.properties} as {@code label.<name>.<CODE>}.
 */
public enum CodeList {
    NEEDS("needs", Need.class, true),
    GOALS("goals", Goal.class, true),
    TARGET_GROUPS("targetGroups", TargetGroup.class, true),
    REGIONS("regions", Region.class, false),
    ROLES("roles", Role.class, false),
    ARCHETYPES("archetypes", Archetype.class, false),
    GENDERS("genders", Gender.class, false),
    LEGAL_BASES("legalBases", LegalBasis.class, false),
    MEASURE_KINDS("measureKinds", MeasureKind.class, false),
    ORGANISATION_KINDS("organisationKinds", OrganisationKind.class, false),
    ENROLMENT_STATUSES("enrolmentStatuses", EnrolmentStatus.class, false),
    ENROLMENT_REASONS("enrolmentReasons", EnrolmentReason.class, true),
    REFERRAL_DECLINE_REASONS("referralDeclineReasons", ReferralDeclineReason.class, false),
    OUTCOME_STATUSES("outcomeStatuses", OutcomeStatus.class, false),
    DECISIONS("decisions", Decision.class, false),
    DECLINE_REASONS("declineReasons", DeclineReason.class, true),
    REASON_CODES("reasonCodes", ReasonCode.class, true),
    ALLOCATION_ROUND_STATUSES("allocationRoundStatuses", AllocationRound.Status.class, false),
    ALLOCATION_OBJECTIVES("allocationObjectives", AllocationObjective.class, false),
    ALLOCATION_REASONS("allocationReasons", AllocationReason.class, false),
    FAIRNESS_STAGES("fairnessStages", FairnessReport.Stage.class, false),
    FAIRNESS_DIMENSIONS("fairnessDimensions", Fairness.Dimension.class, false),
    AGE_BANDS("ageBands", Fairness.AgeBand.class, false),
    SHARE_CATEGORIES("shareCategories", ShareCategory.class, false),
    CONSENT_STATUSES("consentStatuses", ConsentStatus.class, false),
    RECOMMENDATION_STATUSES("recommendationStatuses", RecommendationsView.Status.class, false),
    WEBHOOK_EVENT_TYPES("webhookEventTypes", WebhookEventType.class, false),
    WEBHOOK_ENDPOINT_STATUSES("webhookEndpointStatuses", WebhookEndpoint.Status.class, false);

    private final String listName;
    private final Class<? extends Enum<?>> type;
    private final boolean open;

    CodeList(String listName, Class<? extends Enum<?>> type, boolean open) {
        this.listName = listName;
        this.type = type;
        this.open = open;
    }

    public String listName() {
        return listName;
    }

    public Class<? extends Enum<?>> type() {
        return type;
    }

    public boolean open() {
        return open;
    }

    public List<String> codes() {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    public String labelKey(String code) {
        return "label." + listName + "." + code;
    }

    public static Optional<CodeList> named(String name) {
        return Arrays.stream(values()).filter(list -> list.listName.equals(name)).findFirst();
    }
}
