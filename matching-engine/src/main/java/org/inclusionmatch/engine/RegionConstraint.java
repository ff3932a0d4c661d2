package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/** Offered in the person's region (by the measure and, unless the measure is remote, its programme) or remotely. */
final class RegionConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        if (m.measure().remote()) {
            return null;
        }
        String region = applicant.profile.region();
        boolean measureThere = m.regions().contains(region);
        boolean programmeThere = m.programme() == null || m.programme().regions().isEmpty()
                || m.programme().regions().contains(region);
        if (measureThere && programmeThere) {
            return null;
        }
        return Unmet.of(Reason.notInRegion(measureThere ? m.programme().programme().regions() : m.measure().regions()));
    }
}
