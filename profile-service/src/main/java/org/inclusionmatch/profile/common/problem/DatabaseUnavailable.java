package org.inclusionmatch.profile.common.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * A database that cannot be reached (down, restarting, recovering after a crash, out of connections) is an outage,
 * not a bug: the answer is 503 with {@code Retry-After}, so clients and gateways retry instead of giving up. Nothing
 * was written: the transaction did not commit. Any other persistence failure stays a 500, logged as ProblemMappers
 * logs it (type and reference only).
 */
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    /** Seconds: a restart of PostgreSQL, crash recovery included, takes a few. */
    static final String RETRY_AFTER = "5";

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return respond(e);
    }

    @ServerExceptionMapper
    public Response sql(SQLException e) {
        return respond(e);
    }

    private static Response respond(Throwable e) {
        if (!isOutage(e)) {
            return ProblemMappers.internalError(e);
        }
        LOG.warnf("Database unavailable (%s): answered 503", e.getClass().getSimpleName());
        // Built by ProblemMappers like every other problem, so whatever it adds to all of them is here too.
        return Response.fromResponse(ProblemMappers.problem(Problem.of(ProblemType.DATABASE_UNAVAILABLE,
                        "The database is not reachable right now; nothing was changed. Retry after " + RETRY_AFTER + " seconds")))
                .header("Retry-After", RETRY_AFTER)
                .build();
    }

    /** True when some cause says the connection, not the statement, failed. */
    static boolean isOutage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
                // Agroal, when no connection could be had in time: no SQL state
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
