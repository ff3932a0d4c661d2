package org.inclusionmatch.profile.common.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The database's own integrity checks, for the races the services' checks cannot close (two creates with the
 * same code at once) and for deletes of records others still point at.
 */
public class DatabaseConflicts {

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        return conflict(e);
    }

    /** Also for a violation found only at commit, where it reaches the mappers wrapped in another exception. */
    static Response conflict(ConstraintViolationException e) {
        if ("person_identity_in_organisation".equals(e.getConstraintName())) { // two creates of one code at once
            return ProblemMappers.problem(Problem.of(ProblemType.DUPLICATE_PERSONAL_CODE,
                    "personalCode was recorded for another person of your organisation at the same time; read your persons and update that one"));
        }
        return ProblemMappers.problem(switch (e.getSQLState() == null ? "" : e.getSQLState()) {
            case "23505" -> Problem.of(ProblemType.DUPLICATE_CODE, "A record with the same code or key already exists");
            case "23503" -> Problem.of(ProblemType.STILL_REFERENCED,
                    "Other records still refer to this one (or a referenced record does not exist); remove those references first");
            case "23514" -> Problem.of(ProblemType.CONFLICT,
                    "The values break a rule of the data model (for example a start date after the end date)");
            default -> Problem.of(ProblemType.CONFLICT, "The change conflicts with the stored data");
        });
    }
}
