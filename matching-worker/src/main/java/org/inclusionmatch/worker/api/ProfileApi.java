package org.inclusionmatch.worker.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The profile-service endpoints the worker uses. Callers go through {@link ProfileServiceClient}. */
@RegisterRestClient(configKey = "profile-api")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterProvider(ServiceTokenRefused.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ProfileApi {

    @GET
    @Path("matching/persons/{id}")
    ApiModels.MatchingView matchingView(@PathParam("id") UUID personId);

    @POST
    @Path("matching/persons/views")
    ApiModels.MatchingViews matchingViews(ApiModels.MatchingViewsRequest request);

    @GET
    @Path("matching/persons")
    ApiModels.MatchingPage affectedPersons(@QueryParam("measureId") UUID measureId,
                                           @QueryParam("programmeId") UUID programmeId,
                                           @QueryParam("after") UUID after,
                                           @QueryParam("size") int size);

    @GET
    @Path("measures")
    ApiModels.Page<ApiModels.Measure> measures(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("programmes")
    ApiModels.Page<ApiModels.Programme> programmes(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("matching/evidence")
    ApiModels.OutcomeEvidence evidence();

    @PUT
    @Path("matching/recommendations")
    ApiModels.StoreResult storeRecommendations(ApiModels.StoreBatch batch);

    @PUT
    @Path("persons/{id}/recommendations")
    void putRecommendations(@PathParam("id") UUID personId, ApiModels.Recommendations recommendations);
}
