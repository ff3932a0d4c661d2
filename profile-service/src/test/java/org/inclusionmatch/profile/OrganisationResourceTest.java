package org.inclusionmatch.profile;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class OrganisationResourceTest {

    @Test
    void createsReadsUpdatesAndDeletes() {
        String code = Api.unique("LRC");
        var created = Api.json().body(Api.organisation(code)).post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", "\"0\"")
                .body("id", notNullValue(), "code", equalTo(code), "version", equalTo(0))
                .extract();
        String id = created.path("id");

        Api.json().get("/api/v1/organisations/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("name", equalTo("Org " + code));

        Map<String, Object> renamed = Api.organisation(code);
        renamed.put("name", "Latvian Red Cross");
        Api.json().header("If-Match", "\"0\"").body(renamed).put("/api/v1/organisations/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Latvian Red Cross"), "version", equalTo(1));

        Api.json().header("If-Match", "\"1\"").delete("/api/v1/organisations/" + id).then().statusCode(204);
        Api.json().get("/api/v1/organisations/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        String id = Api.createOrganisation();
        Map<String, Object> body = Api.json().get("/api/v1/organisations/" + id).then().extract().as(Map.class);
        body.put("name", "first writer");
        Api.json().header("If-Match", "\"0\"").body(body).put("/api/v1/organisations/" + id).then().statusCode(200);
        body.put("name", "second writer, from the same stale read");
        Api.json().header("If-Match", "\"0\"").body(body).put("/api/v1/organisations/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("title", equalTo("Precondition failed"), "detail", notNullValue());
        Api.json().header("If-Match", "\"0\"").delete("/api/v1/organisations/" + id).then().statusCode(412);
    }

    @Test
    void aSecondRecordWithTheSameCodeIsAConflict() {
        String code = Api.unique("DUP");
        Api.json().body(Api.organisation(code)).post("/api/v1/organisations").then().statusCode(201);
        Api.json().body(Api.organisation(code)).post("/api/v1/organisations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Another organisation already uses code " + code));
    }

    @Test
    void listsArePagedAndFiltered() {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> org = Api.organisation(Api.unique("PAGE"));
            org.put("kind", "UNIVERSITY");
            org.put("region", "LATGALE");
            Api.json().body(org).post("/api/v1/organisations").then().statusCode(201);
        }
        Api.json().queryParam("kind", "UNIVERSITY").queryParam("region", "LATGALE").queryParam("size", 2)
                .get("/api/v1/organisations")
                .then().statusCode(200)
                .body("items", hasSize(2), "page", equalTo(0), "size", equalTo(2),
                        "items.kind", everyItem(equalTo("UNIVERSITY")));
        int total = Api.json().queryParam("kind", "UNIVERSITY").queryParam("region", "LATGALE")
                .get("/api/v1/organisations").then().extract().path("total");
        Api.json().queryParam("kind", "UNIVERSITY").queryParam("region", "LATGALE").queryParam("size", 2)
                .queryParam("page", (total - 1) / 2)
                .get("/api/v1/organisations").then().statusCode(200).body("items", hasSize(total % 2 == 0 ? 2 : 1));
    }

    @Test
    void idempotencyKeyMakesARetriedCreateReturnTheFirstRecord() {
        Map<String, Object> org = Api.organisation(Api.unique("IDEM"));
        String key = Api.unique("key");
        String first = Api.json().header("Idempotency-Key", key).body(org).post("/api/v1/organisations")
                .then().statusCode(201).extract().path("id");
        Api.json().header("Idempotency-Key", key).body(org).post("/api/v1/organisations")
                .then().statusCode(201).body("id", equalTo(first));
        org.put("name", "something else");
        Api.json().header("Idempotency-Key", key).body(org).post("/api/v1/organisations")
                .then().statusCode(422).contentType("application/problem+json");
    }
}
