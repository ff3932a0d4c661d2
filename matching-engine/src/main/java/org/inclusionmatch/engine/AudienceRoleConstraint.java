package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/** A measure with audience roles reaches only persons in one of them; none listed means any role. */
final class AudienceRoleConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        var roles = m.measure().audienceRoles();
        return roles.isEmpty() || roles.contains(applicant.profile.role()) ? null : Unmet.of(Reason.forRoles(roles));
    }
}
