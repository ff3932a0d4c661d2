package org.inclusionmatch.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser frontend on another origin: headless Chromium (Debian's, driven by playwright-core from tools/node)
 * loads a page from http://localhost:PORT, which uses the generated TypeScript client with a bearer token and
 * Accept-Language (lv, then en) to read a person's recommendations from the running service (another port, so another
 * origin: the call goes through CORS), and renders them from that one answer: title, kind, provider, programme,
 * reasons. The page calls the service directly, not through Prism, because the service's own CORS answer is what
 * this test checks; the set-up goes through Prism. Skipped only with -Dbrowser.skip=true.
 */
class BrowserIT {

    static final Path PAGE = Path.of("src/test/browser/recommendations.html");
    static final Path SCRIPT = Path.of("src/test/browser/browse.mjs");
    /** The generated typescript-fetch client, compiled by tsc in this module's build. */
    static final Path CLIENT = Path.of("target/typescript-client");

    static HttpServer pages;
    static RunningService service;

    @BeforeAll
    static void serveThePage() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("browser.skip"), "-Dbrowser.skip=true");
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            throw new IllegalStateException("/usr/bin/chromium is missing: run deploy/local/node-tools.sh as root "
                    + "(it installs Debian's chromium), or skip this test with -Dbrowser.skip=true");
        }
        service = RunningService.get();
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", service.pagePort), 0);
        pages.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/favicon.ico")) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            Path file = path.equals("/") ? PAGE
                    : path.startsWith("/client/") ? CLIENT.resolve(path.substring("/client/".length())).normalize() : null;
            // tsc keeps the generated client's extension-less relative imports: ./runtime means ./runtime.js
            if (file != null && !Files.isRegularFile(file)) {
                file = file.resolveSibling(file.getFileName() + ".js");
            }
            if (file == null || !file.startsWith(file == PAGE ? PAGE : CLIENT) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type",
                    file.toString().endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pages.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pages != null) {
            pages.stop(0);
        }
        if (service != null) {
            service.assertNoViolations(); // the set-up's calls, made with the generated Java client through Prism
        }
    }

    /** A vocabulary code as the API writes it (CAREER_GUIDANCE), or a one-word code the answer could leak. */
    static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b(?:CONSULTATION|PIERIGA|RIGA|PARTICIPANT)\\b");

    @Test
    void aPageOnAnotherOriginRendersAPersonsRecommendationsInLatvianAndInEnglish() throws Exception {
        GeneratedClient admin = new GeneratedClient(service.url, service.token("ADMIN", null));
        GeneratedJavaClientIT.Fixture.importDemoCatalogue(admin);
        GeneratedJavaClientIT.Fixture.Person person = GeneratedJavaClientIT.Fixture.personWithRecommendations(service, admin);
        String token = service.token("CASEWORKER", java.util.UUID.fromString(person.organisationId()));

        Map<String, List<String>> expected = Map.of(
                "lv", List.of("Konsultācija", "Atbilst vajadzībai: Karjeras konsultācijas.", "Pieejams personas reģionā: Pierīga.",
                        "Brīvas vēl 3 vietas."),
                "en", List.of("Consultation", "Covers a need: Career guidance.", "Offered in the person's region: Pieriga.",
                        "3 places left."));
        for (String language : List.of("lv", "en")) {
            String page = service.pageOrigin + "/#api=" + encode(service.serviceUrl) + "&token=" + encode(token)
                    + "&person=" + encode(person.id()) + "&lang=" + language;

            JsonNode shown = browse(page);

            assertThat(shown.path("origin").asText()).isEqualTo(service.pageOrigin).isNotEqualTo(service.serviceUrl);
            assertThat(shown.path("status").asText()).as("the page's status line (a count, or the error)").isEqualTo("1");
            assertThat(shown.path("calls")).as("one call renders the screen").hasSize(1);
            JsonNode call = shown.path("calls").get(0);
            assertThat(call.path("url").asText()).isEqualTo(service.serviceUrl + "/api/v1/persons/" + person.id() + "/recommendations");
            assertThat(call.path("status").asInt()).isEqualTo(200);
            assertThat(call.path("requestHeaders").path("accept-language").asText()).isEqualTo(language);
            assertThat(call.path("requestHeaders").path("authorization").asText()).isEqualTo("Bearer " + token);
            assertThat(call.path("requestHeaders").path("origin").asText()).isEqualTo(service.pageOrigin);
            assertThat(call.path("responseHeaders").path("access-control-allow-origin").asText()).isEqualTo(service.pageOrigin);
            assertThat(call.path("responseHeaders").path("content-language").asText()).isEqualTo(language);

            JsonNode item = shown.path("items").get(0);
            assertThat(shown.path("items")).hasSize(1);
            assertThat(item.path("title").asText()).isEqualTo("Change agent (social worker): individual motivation and support");
            assertThat(item.path("provider").asText()).isEqualTo("Latvian Red Cross");
            assertThat(item.path("programme").asText()).isNotBlank();
            assertThat(item.path("kind").asText()).isEqualTo(expected.get(language).get(0));
            assertThat(item.path("reasons").asText()).as(language + " reasons, with labels")
                    .isEqualTo(String.join(" ", expected.get(language).subList(1, 4)));
            String rendered = item.path("text").asText();
            assertThat(RAW_CODE.matcher(rendered).find()).as("a code on the " + language + " screen: " + rendered).isFalse();
        }
    }

    /**
     * The same page with Prism as its API: the TypeScript client's request and the service's answer are checked against
     * the committed document on the wire. (Prism answers the CORS preflight itself, so the test above, not this one,
     * holds the service's own CORS answer.)
     */
    @Test
    void theTypeScriptClientsCallsMeetTheCommittedDocument() throws Exception {
        GeneratedClient admin = new GeneratedClient(service.url, service.token("ADMIN", null));
        GeneratedJavaClientIT.Fixture.importDemoCatalogue(admin);
        GeneratedJavaClientIT.Fixture.Person person = GeneratedJavaClientIT.Fixture.personWithRecommendations(service, admin);
        String token = service.token("CASEWORKER", java.util.UUID.fromString(person.organisationId()));
        long before = service.prism.forwarded();

        JsonNode shown = browse(service.pageOrigin + "/#api=" + encode(service.url) + "&token=" + encode(token)
                + "&person=" + encode(person.id()));

        assertThat(shown.path("status").asText()).as("the page's status line (a count, or the error)").isEqualTo("1");
        assertThat(shown.path("calls").get(0).path("url").asText()).startsWith(service.url + "/api/v1/persons/");
        service.prism.awaitLogged(before + 1);
        assertThat(service.prism.forwarded()).as("the TypeScript client's call went through Prism").isGreaterThan(before);
        assertThat(service.prism.violations()).as("Prism's violations (target/prism-*.log)").isEmpty();
    }

    private static JsonNode browse(String page) throws IOException, InterruptedException {
        Path out = Files.createTempFile(Path.of("target"), "browse", ".json");
        Process node = new ProcessBuilder("bash", "../tools/node/run.sh", "node", SCRIPT.toString(), page)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!node.waitFor(90, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new AssertionError("the browser did not finish within 90 s");
        }
        assertThat(node.exitValue()).as("browse.mjs exit status (its errors are above)").isZero();
        return new ObjectMapper().readTree(Files.readString(out));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
