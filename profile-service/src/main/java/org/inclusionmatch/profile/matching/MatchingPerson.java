package org.inclusionmatch.profile.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.person.Person;
import org.inclusionmatch.profile.vocabulary.Archetype;
import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.Role;

import java.util.List;
import java.util.UUID;

/**
 * A person as the matching engine reads them, and nothing more (data minimisation): the fields its filters, its
 * scoring and the eligibility rules' {@code person} variable read, the id to write results to and the version they
 * are computed from. Not the organisation, the legal basis (whose reference can itself name a criminal-law
 * provision), the consent date, the matching flag or the timestamps.
 */
@Schema(name = "MatchingPerson")
public record MatchingPerson(UUID id, Role role, Archetype archetype, int birthYear, Gender gender, Region region,
                             String municipality, List<String> targetGroups, List<String> needs, List<String> goals,
                             List<String> languages, long version) {

    static MatchingPerson of(Person p) {
        return new MatchingPerson(p.id, p.role, p.archetype, p.birthYear, p.gender, p.region, p.municipality,
                p.targetGroups, p.needs, p.goals, p.languages,
                p.version);
    }

    @Override
    public String toString() {
        return "MatchingPerson[" + id + "]"; // never the profile itself
    }
}
