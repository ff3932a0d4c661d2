package org.inclusionmatch.engine;

import org.inclusionmatch.engine.Catalogue.CompiledMeasure;

/**
 * A programme whose places (held against its capacity for its period) are all taken takes no newcomer: its
 * measures are offered only to persons who hold a place in it already, as the seat ledger would place them.
 */
final class ProgrammePlacesConstraint implements Constraint {

    @Override
    public Unmet check(CompiledMeasure m, Applicant applicant) {
        if (m.programme() == null) {
            return null;
        }
        Programme programme = m.programme().programme();
        if (programme.hasRoomForNewcomer() || applicant.profile.heldProgrammeIds().contains(programme.id())) {
            return null;
        }
        return Unmet.of(Reason.programmeFull(programme.code(), programme.capacity()));
    }
}
