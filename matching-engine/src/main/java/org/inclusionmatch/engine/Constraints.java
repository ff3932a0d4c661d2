package org.inclusionmatch.engine;

import java.util.List;

/** The hard constraints in the order the engine checks them: cheapest first, the CEL rules last. */
final class Constraints {

    static final List<Constraint> ALL = List.of(
            new NotTakenConstraint(),
            new HeldElsewhereConstraint(),
            new OpenOnDayConstraint(),
            new MeasurePlacesConstraint(),
            new ProgrammePlacesConstraint(),
            new RegionConstraint(),
            new AudienceRoleConstraint(),
            new LanguageConstraint(),
            new EligibilityRuleConstraint());

    private Constraints() {
    }
}
