package org.inclusionmatch.profile.measure;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.inclusionmatch.profile.common.http.ExpectedVersion;
import org.inclusionmatch.profile.common.idempotency.IdempotencyKeys;
import org.inclusionmatch.profile.common.paging.Lists;
import org.inclusionmatch.profile.common.paging.PageParams;
import org.inclusionmatch.profile.common.paging.PageResult;
import org.inclusionmatch.profile.common.paging.QueryFilter;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.common.validation.Checks;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.domain.NotPermitted;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.vocabulary.MeasureKind;
import org.inclusionmatch.profile.vocabulary.Region;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class MeasureService {

    private static final String WHAT = "Measure";

    private final IdempotencyKeys idempotency;
    private final Event<MeasureEvent> events;
    private final Event<Measure.CapacityRaised> capacityRaised;
    /** A measure's answer time when it sets none (the key enrolment.ReferralConfig maps, validated 1-90 there). */
    private final int defaultAnswerDays;

    public MeasureService(IdempotencyKeys idempotency, Event<MeasureEvent> events, Event<Measure.CapacityRaised> capacityRaised,
                          @ConfigProperty(name = "inclusion.referrals.default-answer-days") int defaultAnswerDays) {
        this.idempotency = idempotency;
        this.events = events;
        this.capacityRaised = capacityRaised;
        this.defaultAnswerDays = defaultAnswerDays;
    }

    public MeasureView create(MeasureRequest request, String idempotencyKey) {
        return create(request, idempotencyKey, null);
    }

    /** {@code onlyProvider}: when set, the measure must be (and stay) provided by that organisation. */
    public MeasureView create(MeasureRequest request, String idempotencyKey, UUID onlyProvider) {
        checkProvider(onlyProvider, request.providerId());
        return idempotency.once("measure", idempotencyKey, request, this::get, () -> {
            Records.requireFreeCode(Measure.class, request.code(), null);
            Measure measure = new Measure();
            checkJoinsProgramme(onlyProvider, null, request.programmeId());
            apply(request, measure);
            measure.persist();
            events.fire(new MeasureEvent.Created(measure));
            return MeasureView.of(measure, defaultAnswerDays);
        }, MeasureView::id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeasureView get(UUID id) {
        Measure measure = Records.require(Measure.class, id, WHAT);
        return MeasureView.of(measure, WaitlistFigures.of(List.of(id)).getOrDefault(id, WaitlistFigures.NONE), defaultAnswerDays);
    }

    /**
     * What lists of measures show of each (title, kind, provider, programme, places), for these measures in one
     * query; a measure that no longer exists is absent.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, MeasureSummary> summaries(Collection<UUID> ids) {
        return MeasureSummary.of(ids);
    }

    /** Filters combine with AND; {@code region} also matches remote measures, since those are open everywhere. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<MeasureView> list(MeasureFilter f, PageParams page) {
        QueryFilter filter = new QueryFilter()
                .equal("kind", f.kind())
                .equal("programme.id", f.programmeId())
                .equal("provider.id", f.providerId())
                .contains("needs", f.need())
                .contains("goals", f.goal())
                .equal("remote", f.remote())
                .equal("code", f.code())
                .when(f.region() == null ? null : f.region().name(), "(array_contains(regions, :region) or remote = true)", "region");
        PageResult<Measure> measures = PageResult.of(Measure.<Measure>find(filter.where(), Sort.by("code"), filter.parameters()),
                page, m -> m);
        Map<UUID, WaitlistFigures> figures = WaitlistFigures.of(measures.items().stream().map(m -> m.id).toList());
        return new PageResult<>(measures.items().stream()
                .map(m -> MeasureView.of(m, figures.getOrDefault(m.id, WaitlistFigures.NONE), defaultAnswerDays)).toList(),
                measures.page(), measures.size(), measures.total());
    }

    public MeasureView update(UUID id, MeasureRequest request, String ifMatch) {
        return update(id, request, ifMatch, null);
    }

    public MeasureView update(UUID id, MeasureRequest request, String ifMatch, UUID onlyProvider) {
        Measure measure = Records.require(Measure.class, id, WHAT);
        checkProvider(onlyProvider, measure.provider.id);
        checkProvider(onlyProvider, request.providerId());
        ExpectedVersion.check(ifMatch, measure.version);
        Records.requireFreeCode(Measure.class, request.code(), id);
        checkJoinsProgramme(onlyProvider, measure.programme == null ? null : measure.programme.id, request.programmeId());
        long before = measure.version;
        int freeBefore = measure.capacity - measure.seatsTaken;
        apply(request, measure);
        measure.flush();
        if (measure.version != before) { // an update that changes nothing announces nothing
            events.fire(new MeasureEvent.Updated(measure));
        }
        if (measure.capacity - measure.seatsTaken > freeBefore) {
            capacityRaised.fire(new Measure.CapacityRaised(measure.id));
        }
        return MeasureView.of(measure, defaultAnswerDays);
    }

    public void delete(UUID id, String ifMatch, UUID onlyProvider) {
        Measure measure = Records.require(Measure.class, id, WHAT);
        checkProvider(onlyProvider, measure.provider.id);
        ExpectedVersion.check(ifMatch, measure.version);
        measure.deleteAsNextVersion();
        events.fire(new MeasureEvent.Deleted(measure));
    }

    private static void checkProvider(UUID onlyProvider, UUID providerId) {
        if (onlyProvider != null && !onlyProvider.equals(providerId)) {
            throw new NotPermitted("A case worker may only maintain the measures their own organisation provides");
        }
    }

    /**
     * A measure joins a programme only with the operator's consent: a case worker may put their organisation's
     * measure into a programme their organisation operates; any other programme needs an ADMIN.
     */
    private static void checkJoinsProgramme(UUID onlyProvider, UUID currentProgramme, UUID requestedProgramme) {
        if (onlyProvider == null || requestedProgramme == null || requestedProgramme.equals(currentProgramme)) {
            return;
        }
        Programme programme = Records.reference(Programme.class, requestedProgramme, "programmeId");
        if (!onlyProvider.equals(programme.operator.id)) {
            throw new NotPermitted("A measure joins a programme only with its operator's consent: a case worker "
                    + "may add measures to programmes their organisation operates; for another programme ask an ADMIN");
        }
    }

    /**
     * The measure this request would create in the draft {@code programme}, checked as {@link #create} checks it
     * (fields, period, places, the provider, the CEL rule) but never stored: for the what-if of a draft programme.
     * The request names no programme (the caller checks that); its id is fresh and no place is held in it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Measure draft(MeasureRequest request, Programme programme) {
        Measure measure = new Measure();
        apply(request, measure);
        measure.programme = programme;
        measure.id = UUID.randomUUID();
        return measure;
    }

    private static void apply(MeasureRequest request, Measure measure) {
        Checks.period(request.startDate(), request.endDate());
        int seatsTaken = request.seatsTaken() == null ? 0 : request.seatsTaken();
        if (seatsTaken > request.capacity()) {
            throw InvalidInput.field("seatsTaken", "must not exceed capacity (" + request.capacity() + ")");
        }
        measure.code = request.code();
        measure.programme = request.programmeId() == null ? null : Records.reference(Programme.class, request.programmeId(), "programmeId");
        measure.provider = Records.reference(Organisation.class, request.providerId(), "providerId");
        measure.kind = request.kind();
        measure.title = request.title();
        measure.needs = Lists.distinct(request.needs());
        measure.goals = Lists.distinct(request.goals());
        measure.regions = request.regions().stream().distinct().map(Region::name).toList();
        measure.remote = Boolean.TRUE.equals(request.remote());
        measure.groupSetting = groupSetting(request.kind(), request.groupSetting(), measure.groupSetting);
        measure.audienceRoles = request.audienceRoles() == null ? List.of()
                : request.audienceRoles().stream().distinct().map(Enum::name).toList();
        measure.languages = Lists.distinct(request.languages());
        measure.capacity = request.capacity();
        measure.seatsTaken = seatsTaken;
        measure.startDate = request.startDate();
        measure.endDate = request.endDate();
        measure.eligibility = Checks.eligibility(request.eligibility());
        if (request.answerDays() != null) { // left out: the stored answer time (for a new measure, the default)
            measure.answerDays = request.answerDays();
        }
    }

    /**
     * Whether a measure of this kind, marked so (null: left out), is given in a shared setting: the one place that
     * decides it. A kind that is always shared cannot be marked otherwise. Left out, a measure keeps its {@code stored}
     * setting (false for a new one): a client that predates the field drops it on a read-modify-write, and must never
     * unmark a measure where kept-apart persons may not meet; unmarking takes an explicit false.
     */
    public static boolean groupSetting(MeasureKind kind, Boolean marked, boolean stored) {
        if (kind.alwaysGroupSetting()) {
            if (Boolean.FALSE.equals(marked)) {
                throw InvalidInput.field("groupSetting", "must be true (or left out) for " + kind
                        + ": it is always given in a shared setting");
            }
            return true;
        }
        return marked != null ? marked : stored;
    }

    /** The list filters, each optional. */
    public record MeasureFilter(MeasureKind kind, Region region, UUID programmeId, UUID providerId,
                                String need, String goal, Boolean remote, String code) {
    }
}
