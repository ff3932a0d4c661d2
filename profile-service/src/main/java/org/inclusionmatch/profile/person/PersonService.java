package org.inclusionmatch.profile.person;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.common.ApiException;
import org.inclusionmatch.contracts.events.EventType;
import org.inclusionmatch.profile.common.IdempotencyKeys;
import org.inclusionmatch.profile.outbox.Outbox;
import org.inclusionmatch.profile.common.PageParams;
import org.inclusionmatch.profile.common.PageResult;
import org.inclusionmatch.profile.common.QueryFilter;
import org.inclusionmatch.profile.common.Records;
import org.inclusionmatch.profile.common.Versions;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.time.Year;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class PersonService {

    private static final String WHAT = "Person";

    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public PersonService(IdempotencyKeys idempotency, Outbox outbox) {
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    public PersonView create(PersonRequest request, String idempotencyKey) {
        var previous = idempotency.previous("person", idempotencyKey, request);
        if (previous.isPresent()) {
            return get(previous.get());
        }
        Person person = new Person();
        apply(request, person);
        person.persist();
        outbox.record(EventType.PERSON_CREATED, person.id, person.version, person.organisation.id);
        idempotency.remember("person", idempotencyKey, request, person.id);
        return PersonView.of(person);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonView get(UUID id) {
        return PersonView.of(Records.require(Person.class, id, WHAT));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResult<PersonView> list(PersonFilter f, PageParams page) {
        QueryFilter filter = new QueryFilter()
                .equal("organisation.id", f.organisationId())
                .equal("role", f.role())
                .equal("archetype", f.archetype())
                .equal("region", f.region())
                .contains("targetGroups", f.targetGroup())
                .contains("needs", f.need());
        return PageResult.of(Person.find(filter.where(), Sort.by("createdAt").and("id"), filter.parameters()), page, PersonView::of);
    }

    public PersonView update(UUID id, PersonRequest request, String ifMatch) {
        Person person = Records.require(Person.class, id, WHAT);
        Versions.checkIfMatch(ifMatch, person.version);
        long before = person.version;
        apply(request, person);
        person.flush();
        if (person.version != before) { // an update that changes nothing announces nothing
            outbox.record(EventType.PERSON_UPDATED, person.id, person.version, person.organisation.id);
        }
        return PersonView.of(person);
    }

    public void delete(UUID id, String ifMatch) {
        Person person = Records.require(Person.class, id, WHAT);
        Versions.checkIfMatch(ifMatch, person.version);
        outbox.record(EventType.PERSON_DELETED, person.id, person.version + 1, person.organisation.id);
        person.delete();
        person.flush();
    }

    private static void apply(PersonRequest request, Person person) {
        if (request.archetype().role() != request.role()) {
            throw ApiException.invalidField("archetype", "belongs to role " + request.archetype().role() + ", not " + request.role());
        }
        if (request.birthYear() > Year.now().getValue()) {
            throw ApiException.invalidField("birthYear", "must not be in the future");
        }
        person.organisation = Records.reference(Organisation.class, request.organisationId(), "organisationId");
        person.role = request.role();
        person.archetype = request.archetype();
        person.birthYear = request.birthYear();
        person.gender = request.gender();
        person.region = request.region();
        person.municipality = request.municipality().strip();
        person.targetGroups = distinct(request.targetGroups());
        person.needs = distinct(request.needs());
        person.goals = distinct(request.goals());
        person.languages = distinct(request.languages());
    }

    private static List<String> distinct(List<String> codes) {
        return codes == null ? List.of() : codes.stream().distinct().toList();
    }

    /** The list filters, each optional. */
    public record PersonFilter(UUID organisationId, Role role, Archetype archetype, Region region,
                               String targetGroup, String need) {
    }
}
