package org.inclusionmatch.profile.common.validation;

import org.inclusionmatch.contracts.eligibility.EligibilityLanguage;
import org.inclusionmatch.contracts.eligibility.InvalidRuleException;
import org.inclusionmatch.contracts.eligibility.RuleLimitException;
import org.inclusionmatch.profile.domain.InvalidInput;

import java.time.LocalDate;

/** Rules that span fields or need more than an annotation; each failure is a 400 on the named field. */
public final class Checks {

    private Checks() {
    }

    /**
     * Compiles a CEL rule; a rule that does not compile, or is over one of the rule language's limits (length,
     * nesting, comprehensions, estimated cost), is a 400 on the field, with the compiler's message or the limit's.
     */
    public static String eligibility(String rule) {
        if (rule == null) {
            return null;
        }
        try {
            return EligibilityLanguage.compile(rule).expression();
        } catch (RuleLimitException e) {
            throw InvalidInput.rule(InvalidInput.Cause.RULE_TOO_COSTLY, "eligibility", "is too expensive: " + e.getMessage());
        } catch (InvalidRuleException e) {
            throw InvalidInput.rule(InvalidInput.Cause.RULE_DOES_NOT_COMPILE, "eligibility", "does not compile: " + e.getMessage());
        }
    }

    public static void period(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw InvalidInput.field("endDate", "must not be before startDate");
        }
    }
}
