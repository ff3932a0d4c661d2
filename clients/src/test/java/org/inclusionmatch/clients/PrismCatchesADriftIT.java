package org.inclusionmatch.clients;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inclusionmatch.servers.testing.ValidatingProxy;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validating proxy the clients' tests run through does look: Prism in front of the same service, with the committed
 * document altered to say an organisation's name is an integer, reports the service's (correct) answer as a violation,
 * naming the field, while the same call through the committed document's proxy reports nothing. Without this, an empty
 * violation list could mean a proxy that checks nothing.
 */
class PrismCatchesADriftIT {

    @Test
    void aResponseTheDocumentDoesNotDescribeIsAViolation() throws Exception {
        RunningService service = RunningService.get();
        // an organisation to list (this class may run first, on an empty database: an empty list violates nothing)
        GeneratedClient admin = new GeneratedClient(service.url, service.token("ADMIN", null));
        assertThat(admin.call("createOrganisation", Map.of("body", GeneratedJavaClientIT.Fixture.organisationBody()))
                .getStatusCode()).isEqualTo(201);
        ObjectMapper json = new ObjectMapper();
        ObjectNode document = (ObjectNode) json.readTree(ValidatingProxy.committedDocument().toFile());
        ((ObjectNode) document.at("/components/schemas/Organisation/properties/name")).put("type", "integer");
        Path altered = Path.of("target", "altered-openapi.json").toAbsolutePath();
        Files.writeString(altered, json.writeValueAsString(document));

        try (ValidatingProxy drifted = ValidatingProxy.start(altered, service.serviceUrl, Path.of("target", "prism-altered.log"))) {
            GeneratedClient throughDrifted = new GeneratedClient(drifted.url(), service.token("ADMIN", null));
            // --errors=false: the answer passes through unchanged, and the violation is in Prism's log
            assertThat(throughDrifted.call("listOrganisations", Map.of("size", 5)).getStatusCode()).isEqualTo(200);
            drifted.awaitLogged(1);
            assertThat(drifted.violations()).as("Prism's violations with the altered document")
                    .anySatisfy(line -> assertThat(line).contains("response").contains("name").contains("integer"));
        }

        long before = service.prism.forwarded();
        admin.call("listOrganisations", Map.of("size", 5));
        service.prism.awaitLogged(before + 1);
        assertThat(service.prism.violations()).as("the same call against the committed document").isEmpty();
    }
}
