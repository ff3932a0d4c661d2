package org.inclusionmatch.profile.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.inclusionmatch.profile.common.paging.Lists;
import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.measure.MeasureRequest;
import org.inclusionmatch.profile.measure.MeasureService;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.organisation.OrganisationRequest;
import org.inclusionmatch.profile.organisation.OrganisationService;
import org.inclusionmatch.profile.programme.Programme;
import org.inclusionmatch.profile.programme.ProgrammeQuota;
import org.inclusionmatch.profile.programme.ProgrammeRequest;
import org.inclusionmatch.profile.programme.ProgrammeService;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imports a catalogue file by code: a new code creates a record, a changed record is updated, an identical one is
 * left alone, so importing the same file twice changes nothing. All or nothing: one bad record rejects the file.
 */
@ApplicationScoped
@Transactional
public class CatalogueImporter {

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final OrganisationService organisations;
    private final ProgrammeService programmes;
    private final MeasureService measures;
    private final Validator validator;

    public CatalogueImporter(OrganisationService organisations, ProgrammeService programmes, MeasureService measures,
                             Validator validator) {
        this.organisations = organisations;
        this.programmes = programmes;
        this.measures = measures;
        this.validator = validator;
    }

    public ImportSummary importCatalogue(CatalogueFile file) {
        ImportSummary.Counts orgCounts = ImportSummary.NONE;
        ImportSummary.Counts programmeCounts = ImportSummary.NONE;
        ImportSummary.Counts measureCounts = ImportSummary.NONE;
        // Organisations first, then programmes, then measures: each refers only to kinds imported before it.
        for (int i = 0; i < size(file.organisations()); i++) {
            String at = "organisations[" + i + "]";
            OrganisationRequest request = valid(present(file.organisations().get(i), at), at);
            orgCounts = orgCounts.plus(upsert(request, Organisation.findByCode(request.code()).map(o -> o.id),
                    id -> toRequest(Organisation.<Organisation>findById(id)),
                    r -> organisations.create(r, null), (id, r) -> organisations.update(id, r, null)));
        }
        for (int i = 0; i < size(file.programmes()); i++) {
            String at = "programmes[" + i + "]";
            ProgrammeRequest request = valid(toRequest(present(file.programmes().get(i), at), at), at);
            programmeCounts = programmeCounts.plus(upsert(request, Programme.findByCode(request.code()).map(p -> p.id),
                    id -> toRequest(Programme.<Programme>findById(id)),
                    r -> programmes.create(r, null), (id, r) -> programmes.update(id, r, null)));
        }
        for (int i = 0; i < size(file.measures()); i++) {
            String at = "measures[" + i + "]";
            MeasureRequest request = valid(toRequest(present(file.measures().get(i), at), at), at);
            measureCounts = measureCounts.plus(upsert(request, Measure.findByCode(request.code()).map(m -> m.id),
                    id -> toRequest(Measure.<Measure>findById(id)),
                    r -> measures.create(r, null), (id, r) -> measures.update(id, r, null)));
        }
        return new ImportSummary(orgCounts, programmeCounts, measureCounts);
    }

    private static <R> Outcome upsert(R request, Optional<UUID> existing, Function<UUID, R> current,
                                      java.util.function.Consumer<R> create, java.util.function.BiConsumer<UUID, R> update) {
        if (existing.isEmpty()) {
            create.accept(request);
            return Outcome.CREATED;
        }
        if (current.apply(existing.get()).equals(request)) {
            return Outcome.UNCHANGED;
        }
        update.accept(existing.get(), request);
        return Outcome.UPDATED;
    }

    private <T> T valid(T request, String at) {
        List<InvalidInput.FieldError> violations = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            violations.add(new InvalidInput.FieldError(at + "." + v.getPropertyPath(), v.getMessage()));
        }
        if (!violations.isEmpty()) {
            throw invalidCatalogue(violations);
        }
        return request;
    }

    /** A {@code null} in the file's lists is a record left empty by the partner: a 400 naming it, not a crash. */
    private static <T> T present(T entry, String at) {
        if (entry == null) {
            throw invalidCatalogue(List.of(new InvalidInput.FieldError(at, "must be a record, not null")));
        }
        return entry;
    }

    private static UUID organisationId(String code, String field) {
        if (code == null) {
            return null;
        }
        return Organisation.findByCode(code).map(o -> o.id)
                .orElseThrow(() -> InvalidInput.field(field, "no organisation has code " + code));
    }

    private static ProgrammeRequest toRequest(CatalogueFile.ProgrammeEntry e, String at) {
        return new ProgrammeRequest(e.code(), e.name(), organisationId(e.operator(), at + ".operator"),
                organisationId(e.funder(), at + ".funder"), e.startDate(), e.endDate(), e.capacity(),
                Lists.distinct(e.regions()), e.eligibility(), e.quotas() != null ? quotas(e.quotas())
                        : Programme.findByCode(e.code()).map(p -> quotas(p.quotas())).orElse(null));
    }

    /** No quotas is {@code null} on both sides, so a file without quotas compares equal to a programme without them. */
    private static List<ProgrammeQuota> quotas(List<ProgrammeQuota> quotas) {
        return quotas.isEmpty() ? null : quotas;
    }

    private static MeasureRequest toRequest(CatalogueFile.MeasureEntry e, String at) {
        UUID programmeId = e.programme() == null ? null : Programme.findByCode(e.programme()).map(p -> p.id)
                .orElseThrow(() -> InvalidInput.field(at + ".programme", "no programme has code " + e.programme()));
        return new MeasureRequest(e.code(), programmeId, organisationId(e.provider(), at + ".provider"), e.kind(),
                e.title(), Lists.distinct(e.needs()), Lists.distinct(e.goals()), Lists.distinct(e.regions()),
                Boolean.TRUE.equals(e.remote()), groupSetting(e, at), Lists.distinct(e.audienceRoles()), Lists.distinct(e.languages()), e.capacity(), e.seatsTaken() == null ? 0 : e.seatsTaken(),
                e.startDate(), e.endDate(), e.eligibility(), answerDays(e));
    }

    /** Left out, the stored answer time, so that the file compares equal to the measure it imported (as through the API). */
    private static Integer answerDays(CatalogueFile.MeasureEntry e) {
        if (e.answerDays() != null || e.code() == null) {
            return e.answerDays();
        }
        return Measure.findByCode(e.code()).map(m -> m.answerDays).orElse(null);
    }

    /**
     * The setting as it will be stored, so that a file that leaves it out compares equal to the measure it imported
     * (left out, a measure keeps its setting, as through the API); a kind always shared but marked not shared is
     * refused naming the record. No kind: the request's validation says so.
     */
    private static Boolean groupSetting(CatalogueFile.MeasureEntry e, String at) {
        if (e.kind() == null) {
            return e.groupSetting();
        }
        boolean stored = e.code() != null && Measure.findByCode(e.code()).map(m -> m.groupSetting).orElse(false);
        try {
            return MeasureService.groupSetting(e.kind(), e.groupSetting(), stored);
        } catch (InvalidInput wrong) {
            throw wrong.within(at);
        }
    }

    private static OrganisationRequest toRequest(Organisation o) {
        return new OrganisationRequest(o.code, o.name, o.kind, o.region);
    }

    private static ProgrammeRequest toRequest(Programme p) {
        return new ProgrammeRequest(p.code, p.name, p.operator.id, p.funder == null ? null : p.funder.id,
                p.startDate, p.endDate, p.capacity, p.regions.stream().map(Region::valueOf).toList(), p.eligibility, quotas(p.quotas()));
    }

    private static MeasureRequest toRequest(Measure m) {
        return new MeasureRequest(m.code, m.programme == null ? null : m.programme.id, m.provider.id, m.kind, m.title,
                m.needs, m.goals, m.regions.stream().map(Region::valueOf).toList(), m.remote, m.groupSetting,
                m.audienceRoles.stream().map(Role::valueOf).toList(), m.languages, m.capacity,
                m.seatsTaken, m.startDate, m.endDate, m.eligibility, m.answerDays);
    }


    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    /** A catalogue record that breaks a field rule; the violations name the record by its position in the file. */
    private static InvalidInput invalidCatalogue(List<InvalidInput.FieldError> violations) {
        return InvalidInput.fields("Invalid catalogue", violations.size() + " field(s) of the catalogue are invalid: "
                + violations.get(0).field() + " " + violations.get(0).message(), violations);
    }
}
