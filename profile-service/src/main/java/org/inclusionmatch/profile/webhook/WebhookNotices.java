package org.inclusionmatch.profile.webhook;

import org.inclusionmatch.contracts.webhooks.WebhookEventType;
import org.inclusionmatch.profile.common.events.DomainEvent;
import org.inclusionmatch.profile.enrolment.Enrolment;
import org.inclusionmatch.profile.enrolment.EnrolmentEvent;
import org.inclusionmatch.profile.enrolment.EnrolmentStatus;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.measure.MeasureEvent;
import org.inclusionmatch.profile.person.PersonEvent;
import org.inclusionmatch.profile.programme.ProgrammeEvent;
import org.inclusionmatch.profile.recommendation.RecommendationEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one table of who hears of what: each domain event becomes the notices of the organisations it concerns, and of
 * no other. Ownership is the same the API enforces: a person's organisation, a measure's provider, a programme's
 * operator, and the two sides of a referral ({@link Enrolment#sidesOf}: the person's organisation refers, the measure's
 * provider answers). Ids, versions and codes only.
 */
final class WebhookNotices {

    /** One event for one organisation. */
    record Notice(WebhookEventType type, UUID organisationId, UUID subject, long subjectVersion, String status,
                  String reason) {

        static Notice of(WebhookEventType type, UUID organisationId, UUID subject, long version) {
            return new Notice(type, organisationId, subject, version, null, null);
        }
    }

    private WebhookNotices() {
    }

    /** The notices an event gives; none for events no partner subscribes to (a re-match, an allocation round). */
    static List<Notice> of(DomainEvent event) {
        return switch (event) {
            case PersonEvent.Created e -> List.of(Notice.of(WebhookEventType.PERSON_CREATED, e.person().organisation.id, e.person().id, e.person().version));
            case PersonEvent.Updated e -> List.of(Notice.of(WebhookEventType.PERSON_UPDATED, e.person().organisation.id, e.person().id, e.person().version));
            case PersonEvent.Erased e -> List.of(Notice.of(WebhookEventType.PERSON_DELETED, e.person().organisation.id, e.person().id, e.person().version));
            case RecommendationEvent.Updated e -> List.of(Notice.of(WebhookEventType.RECOMMENDATIONS_UPDATED, e.organisationId(), e.set().personId, e.set().version));
            case ProgrammeEvent.Created e -> List.of(Notice.of(WebhookEventType.PROGRAMME_CREATED, e.programme().operator.id, e.programme().id, e.programme().version));
            case ProgrammeEvent.Updated e -> List.of(Notice.of(WebhookEventType.PROGRAMME_UPDATED, e.programme().operator.id, e.programme().id, e.programme().version));
            case ProgrammeEvent.Deleted e -> List.of(Notice.of(WebhookEventType.PROGRAMME_DELETED, e.programme().operator.id, e.programme().id, e.programme().version));
            case MeasureEvent.Created e -> List.of(Notice.of(WebhookEventType.MEASURE_CREATED, e.measure().provider.id, e.measure().id, e.measure().version));
            case MeasureEvent.Updated e -> List.of(Notice.of(WebhookEventType.MEASURE_UPDATED, e.measure().provider.id, e.measure().id, e.measure().version));
            case MeasureEvent.Deleted e -> List.of(Notice.of(WebhookEventType.MEASURE_DELETED, e.measure().provider.id, e.measure().id, e.measure().version));
            case EnrolmentEvent e -> referral(e.enrolment());
            default -> List.of();
        };
    }

    /**
     * A referral's move, told to the side that waits for it: the provider hears of a referral to answer, the referrer of
     * the answer (accepted, declined with its reason code, expired); every other move goes to both sides.
     */
    private static List<Notice> referral(Enrolment referral) {
        UUID referrer = referral.organisationId;
        UUID provider = Measure.<Measure>findByIdOptional(referral.measureId).map(m -> m.provider.id).orElse(referrer);
        return switch (referral.status) {
            case REFERRED -> List.of(notice(WebhookEventType.REFERRAL_RECEIVED, provider, referral, null));
            case ACCEPTED -> List.of(notice(WebhookEventType.REFERRAL_ACCEPTED, referrer, referral, null));
            case REJECTED -> List.of(notice(WebhookEventType.REFERRAL_DECLINED, referrer, referral, referral.reason));
            case EXPIRED -> List.of(notice(WebhookEventType.REFERRAL_EXPIRED, referrer, referral, null));
            default -> bothSides(referral, referrer, provider);
        };
    }

    private static List<Notice> bothSides(Enrolment referral, UUID referrer, UUID provider) {
        Set<UUID> sides = new LinkedHashSet<>(List.of(referrer, provider)); // one notice when it is its own measure
        return sides.stream().map(side -> notice(WebhookEventType.REFERRAL_STATUS_CHANGED, side, referral, null)).toList();
    }

    private static Notice notice(WebhookEventType type, UUID organisation, Enrolment referral, String reason) {
        EnrolmentStatus status = referral.status;
        return new Notice(type, organisation, referral.id, referral.version, status.name(), reason);
    }
}
