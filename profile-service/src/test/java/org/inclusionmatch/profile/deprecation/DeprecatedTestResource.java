package org.inclusionmatch.profile.deprecation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.inclusionmatch.profile.domain.NotFound;
import org.inclusionmatch.profile.security.Roles;

import java.util.Map;

/** A deprecated operation for DeprecationTest only (test classes are part of the application under @QuarkusTest). */
@Path("/api/v1/test-only/deprecated")
@Produces(MediaType.APPLICATION_JSON)
public class DeprecatedTestResource {

    @GET
    @Deprecated
    @DeprecatedOperation(since = "2026-11-23", sunset = "2027-06-01")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Map<String, String> old() {
        return Map.of("still", "here");
    }

    @GET
    @Path("/missing")
    @Deprecated
    @DeprecatedOperation(since = "2026-11-23", sunset = "2027-06-01")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Map<String, String> missing() {
        throw new NotFound("Thing", "x");
    }

    @GET
    @Path("/current")
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Map<String, String> current() {
        return Map.of("current", "yes");
    }
}
