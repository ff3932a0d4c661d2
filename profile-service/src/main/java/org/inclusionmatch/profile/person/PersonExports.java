package org.inclusionmatch.profile.person;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.inclusionmatch.profile.audit.AuditEntry;
import org.inclusionmatch.profile.audit.AuditResource;
import org.inclusionmatch.profile.recommendation.RecommendationService;

import java.time.Instant;
import java.util.UUID;

/** Gathers everything held about a person: profile, recommendations and the log of who accessed them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonExports {

    private final RecommendationService recommendations;

    public PersonExports(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    public PersonExport export(UUID organisationId, UUID personId) {
        Person person = Person.requireIn(organisationId, personId);
        return new PersonExport(Instant.now(), PersonView.of(person), recommendations.get(organisationId, personId),
                AuditEntry.<AuditEntry>find("resourceId", Sort.ascending("id"), personId).stream()
                        .map(AuditResource.AuditView::of).toList());
    }
}
