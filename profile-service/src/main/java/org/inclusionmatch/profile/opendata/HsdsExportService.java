package org.inclusionmatch.profile.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.calendar.MatchingCalendar;
import org.inclusionmatch.profile.i18n.CodeList;
import org.inclusionmatch.profile.i18n.Language;
import org.inclusionmatch.profile.i18n.Messages;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.programme.Programme;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The catalogue (organisations, programmes, measures) in the shape of Open Referral HSDS 3.1, so directories and
 * other NGOs can reuse it: a measure is an HSDS {@code service}, a programme a {@code program}, an organisation an
 * {@code organization}; regions are {@code service_areas}, free places {@code capacities}, needs, goals and the
 * measure's kind {@code attributes}. Built from catalogue records only: nothing about a person, not even counts
 * below a measure's size (only free and total places). Fields are HSDS's snake_case names, as maps, so that the
 * document is exactly what the HSDS schema describes and nothing else.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HsdsExportService {

    public static final String HSDS_VERSION = "3.1";
    private final MatchingCalendar calendar;

    public HsdsExportService(MatchingCalendar calendar) {
        this.calendar = calendar;
    }

    public record Page(long totalItems, int pageNumber, int perPage, List<Map<String, Object>> contents) {
    }

    public Page services(int page, int perPage, Language language) {
        long total = Measure.count();
        List<Measure> measures = Measure.find("select m from Measure m left join fetch m.programme p left join fetch p.operator "
                        + "left join fetch m.provider order by m.code")
                .page(page - 1, perPage).list();
        LocalDate today = calendar.today(); // a measure opens and closes by the day matching reads it
        return new Page(total, page, perPage, measures.stream().map(m -> service(m, language, today)).toList());
    }

    public Page organizations(int page, int perPage, Language language) {
        long total = Organisation.count();
        List<Organisation> organisations = Organisation.find("order by code").page(page - 1, perPage).list();
        List<UUID> ids = organisations.stream().map(o -> o.id).toList();
        Map<UUID, List<Programme>> operated = ids.isEmpty() ? Map.of()
                : Programme.<Programme>find("operator.id in ?1 order by code", ids).stream()
                .collect(Collectors.groupingBy(p -> p.operator.id, LinkedHashMap::new, Collectors.toList()));
        return new Page(total, page, perPage, organisations.stream().map(o -> {
            Map<String, Object> organization = organization(o, language);
            organization.put("programs", operated.getOrDefault(o.id, List.of()).stream().map(p -> program(p, language)).toList());
            return organization;
        }).toList());
    }

    private static Map<String, Object> service(Measure m, Language language, LocalDate today) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", m.id.toString());
        if (m.provider != null) service.put("organization_id", m.provider.id.toString());
        if (m.programme != null) service.put("program_id", m.programme.id.toString());
        service.put("name", m.title);
        service.put("alternate_name", m.code);
        service.put("description", Messages.label(language, CodeList.MEASURE_KINDS, m.kind.name()) + ": "
                + labels(language, CodeList.NEEDS, m.needs));
        service.put("status", active(m, today) ? "active" : "inactive");
        String eligibility = eligibility(m);
        if (eligibility != null) service.put("eligibility_description", eligibility);
        service.put("last_modified", m.updatedAt.toString());
        service.put("service_areas", serviceAreas(m, language));
        service.put("capacities", List.of(capacity(m, language)));
        service.put("attributes", attributes(m, language));
        if (m.provider != null) service.put("organization", organization(m.provider, language));
        if (m.programme != null) service.put("program", program(m.programme, language));
        return service;
    }

    private static boolean active(Measure m, LocalDate today) {
        boolean measureOn = (m.startDate == null || !today.isBefore(m.startDate)) && (m.endDate == null || !today.isAfter(m.endDate));
        boolean programmeOn = m.programme == null || (!today.isBefore(m.programme.startDate) && !today.isAfter(m.programme.endDate));
        return measureOn && programmeOn;
    }

    /** The rules as written (CEL over a person's role, age, region, target groups...): exact, if technical. */
    private static String eligibility(Measure m) {
        List<String> rules = new ArrayList<>();
        if (m.programme != null && m.programme.eligibility != null && !m.programme.eligibility.isBlank()) {
            rules.add("Programme rule (CEL): " + m.programme.eligibility);
        }
        if (m.eligibility != null && !m.eligibility.isBlank()) {
            rules.add("Measure rule (CEL): " + m.eligibility);
        }
        return rules.isEmpty() ? null : String.join("\n", rules);
    }

    private static List<Map<String, Object>> serviceAreas(Measure m, Language language) {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (String region : m.regions == null ? List.<String>of() : m.regions) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("id", derivedId(m.id, "service_area", region));
            area.put("service_id", m.id.toString());
            area.put("name", Messages.label(language, CodeList.REGIONS, region));
            area.put("description", "Latvian planning region " + region);
            areas.add(area);
        }
        if (m.remote) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("id", derivedId(m.id, "service_area", "REMOTE"));
            area.put("service_id", m.id.toString());
            area.put("name", Messages.label(language, CodeList.REASON_CODES, "REMOTE"));
            area.put("description", "Offered remotely, from anywhere");
            areas.add(area);
        }
        return areas;
    }

    private static Map<String, Object> capacity(Measure m, Language language) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("id", UUID.nameUUIDFromBytes("inclusion-match:unit:place".getBytes(StandardCharsets.UTF_8)).toString());
        unit.put("name", language == Language.LV ? "vieta" : "place");
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("id", derivedId(m.id, "capacity", "places"));
        capacity.put("service_id", m.id.toString());
        capacity.put("unit", unit);
        capacity.put("available", Math.max(0, m.capacity - m.seatsInUse()));
        capacity.put("maximum", m.capacity);
        capacity.put("updated", m.updatedAt.toString());
        return capacity;
    }

    private static List<Map<String, Object>> attributes(Measure m, Language language) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute(m, "measure_kind", m.kind.name(), Messages.label(language, CodeList.MEASURE_KINDS, m.kind.name())));
        for (String need : m.needs == null ? List.<String>of() : m.needs) {
            attributes.add(attribute(m, "need", need, Messages.label(language, CodeList.NEEDS, need)));
        }
        for (String goal : m.goals == null ? List.<String>of() : m.goals) {
            attributes.add(attribute(m, "goal", goal, Messages.label(language, CodeList.GOALS, goal)));
        }
        return attributes;
    }

    private static Map<String, Object> attribute(Measure m, String type, String code, String label) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("id", derivedId(m.id, type, code));
        attribute.put("link_id", m.id.toString());
        attribute.put("link_type", type);
        attribute.put("link_entity", "service");
        attribute.put("value", code);
        attribute.put("label", label);
        return attribute;
    }

    private static Map<String, Object> organization(Organisation o, Language language) {
        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("id", o.id.toString());
        organization.put("name", o.name);
        organization.put("alternate_name", o.code);
        organization.put("description", Messages.label(language, CodeList.ORGANISATION_KINDS, o.kind.name())
                + (o.region == null ? "" : ", " + Messages.label(language, CodeList.REGIONS, o.region.name())));
        return organization;
    }

    private static Map<String, Object> program(Programme p, Language language) {
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("id", p.id.toString());
        program.put("organization_id", p.operator.id.toString());
        program.put("name", p.name);
        program.put("alternate_name", p.code);
        program.put("description", p.startDate + " – " + p.endDate + "; " + labels(language, CodeList.REGIONS, p.regions)
                + "; " + p.capacity + (language == Language.LV ? " vietas" : " places"));
        return program;
    }

    private static String labels(Language language, CodeList list, List<String> codes) {
        return codes == null ? "" : codes.stream().map(code -> Messages.label(language, list, code)).collect(Collectors.joining(", "));
    }

    /** A stable id for a record HSDS wants and we do not keep (a service area, a capacity, an attribute). */
    private static String derivedId(UUID owner, String kind, String key) {
        return UUID.nameUUIDFromBytes((owner + ":" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
