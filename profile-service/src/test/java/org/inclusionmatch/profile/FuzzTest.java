package org.inclusionmatch.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends thousands of hostile requests to every operation of the committed OpenAPI document and fails on any 5xx,
 * and on any 4xx that is not {@code application/problem+json}. Requests are generated from a fixed seed
 * ({@code -Dfuzz.seed=...} to vary it, {@code -Dfuzz.requests=...} for the number), so a failure reproduces.
 * <p>
 * Runs under its own test profile, hence on its own database: what it creates never shows in other tests' lists.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class FuzzTest {

    private static final long DEFAULT_SEED = 20261123L;
    private static final int DEFAULT_REQUESTS = 4000;
    private static final int SENDERS = 4;
    private static final int MAX_BODY = 1024 * 1024; // quarkus.http.limits.max-body-size
    /**
     * Vert.x refuses a request line over quarkus.http.limits.max-initial-line-length (4 KiB) with a bare 414 in
     * its HTTP codec, before any application code runs; URLs are kept below it.
     */
    private static final int MAX_URL = 4000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One generated request; {@code role} names the token, never the token itself, so failures print readably. */
    record Attempt(String operation, String method, String path, String role, Map<String, String> headers, byte[] body,
                   String note) {
        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                    .replace("\u0000", "\\u0000") + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
            Map<String, String> h = new TreeMap<>(headers);
            h.remove("Authorization");
            return operation + " [" + note + "] as " + role + ": " + method + " " + truncate(path, 300) + " " + h + " " + shown;
        }
    }

    record Operation(String id, String method, String path, JsonNode spec) {
        boolean hasBody() {
            return spec.has("requestBody");
        }
    }

    private JsonNode doc;
    private Random random;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @Test
    void noInputGivesA5xxAndEveryRefusalIsAProblem() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int budget = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        random = new Random(seed);
        doc = ContractDocuments.committed();
        List<Operation> operations = operations();
        fixtures();

        List<Attempt> attempts = new ArrayList<>();
        int perOperation = Math.max(20, budget / operations.size());
        for (Operation op : operations) {
            for (int i = 0; i < perOperation; i++) {
                attempts.add(attempt(op, i));
            }
            if (op.hasBody()) {
                attempts.add(oversize(op));
            }
        }
        Collections.shuffle(attempts, random);

        System.out.printf("FUZZ: seed %d (rerun with -Dfuzz.seed=%d), %d requests over %d operations%n",
                seed, seed, attempts.size(), operations.size());
        long started = System.nanoTime();
        List<String> failures = send(attempts);
        long millis = (System.nanoTime() - started) / 1_000_000;
        summary(operations, attempts.size(), millis, seed);

        assertThat(statuses.keySet()).as("some requests got through to the services").anyMatch(s -> s >= 200 && s < 300);
        assertThat(failures).as("responses >= 500, or 4xx without a problem body (seed %d); first ones:%n%s", seed,
                String.join("\n\n", failures.subList(0, Math.min(8, failures.size())))).isEmpty();
    }

    // --- the API surface, from the committed document ---

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                operations.add(new Operation(op.getValue().path("operationId").asText(op.getKey() + " " + path.getKey()),
                        op.getKey().toUpperCase(), path.getKey(), op.getValue()))));
        assertThat(operations).hasSizeGreaterThan(30);
        return operations;
    }

    /** Records for the path ids to point at, so that some requests reach real rows. */
    private void fixtures() {
        String org = Api.createOrganisation();
        ids.put("organisations", org);
        ids.put("programmes", Api.json().body(Api.programme(Api.unique("FZP"), org)).post("/api/v1/programmes")
                .then().statusCode(201).extract().path("id"));
        Map<String, Object> measure = Api.measure(Api.unique("FZM"), org);
        measure.put("programmeId", ids.get("programmes"));
        measure.put("capacity", 1000);
        ids.put("measures", Api.json().body(measure).post("/api/v1/measures").then().statusCode(201).extract().path("id"));
        ids.put("persons", Api.caseworker(org).body(Api.person(org)).post("/api/v1/persons")
                .then().statusCode(201).extract().path("id"));
        ids.put("enrolments", Api.caseworker(org).body(Map.of("personId", ids.get("persons"), "measureId", ids.get("measures")))
                .post("/api/v1/enrolments").then().statusCode(201).extract().path("id"));
        Map<String, Object> outcome = new LinkedHashMap<>(Map.of("personId", ids.get("persons"), "programmeId", ids.get("programmes"),
                "periodStart", "2026-03-01", "periodEnd", "2026-08-31", "status", "EMPLOYED", "outcomeDate", "2026-08-31"));
        ids.put("outcomes", Api.json().body(outcome).post("/api/v1/outcomes").then().extract().path("id"));
        ids.values().removeIf(java.util.Objects::isNull);

        tokens.put("ADMIN", Api.token(List.of("ADMIN"), org));
        tokens.put("CASEWORKER", Api.token(List.of("CASEWORKER"), org));
        tokens.put("PARTNER", Api.token(List.of("PARTNER"), org));
        tokens.put("MATCHER", Api.token(List.of("MATCHER"), null));
        tokens.put("AUDITOR", Api.token(List.of("AUDITOR"), null));
        tokens.put("CASEWORKER-of-unknown-org", Api.token(List.of("CASEWORKER"), UUID.randomUUID().toString()));
        tokens.put("CASEWORKER-without-org", Api.token(List.of("CASEWORKER"), null));
    }

    // --- generating one request ---

    private Attempt attempt(Operation op, int n) {
        Map<String, String> headers = new LinkedHashMap<>();
        String role = role(op);
        if (!role.equals("anonymous")) {
            headers.put("Authorization", "Bearer " + tokens.getOrDefault(role, "not.a.token"));
        }
        List<String> notes = new ArrayList<>();
        String path = path(op, notes);
        String query = query(op, notes, n);
        if (path.length() + query.length() > MAX_URL) {
            query = "";
            notes.add("query dropped: URL too long");
        }
        headers(op, headers, notes);
        byte[] body = null;
        if (op.hasBody()) {
            body = body(op, headers, notes);
        } else if (random.nextInt(10) == 0) {
            headers.put("Content-Type", pick(List.of("application/json", "text/plain", "application/xml", "garbage")));
            notes.add("content type without body");
        }
        if (random.nextInt(15) == 0) {
            headers.put("Accept", pick(List.of("text/html", "application/xml", "*/*", "application/problem+json", "nonsense")));
            notes.add("accept " + headers.get("Accept"));
        }
        return new Attempt(op.id(), op.method(), path + query, role, headers, body, String.join(", ", notes));
    }

    private String role(Operation op) {
        List<String> allowed = new ArrayList<>();
        op.spec().path("security").forEach(s -> s.path("bearer").forEach(r -> allowed.add(r.asText())));
        int dice = random.nextInt(100);
        if (dice < 70 && !allowed.isEmpty()) {
            return pick(allowed);
        }
        if (dice < 95) {
            return pick(new ArrayList<>(tokens.keySet()));
        }
        return dice < 98 ? "anonymous" : "garbage-token";
    }

    private String path(Operation op, List<String> notes) {
        String template = op.path();
        if (!template.contains("{id}")) {
            return template;
        }
        String kind = template.split("/")[3];
        String id;
        int dice = random.nextInt(100);
        if (dice < 45 && ids.containsKey(kind)) {
            id = ids.get(kind);
        } else if (dice < 60) {
            id = pick(new ArrayList<>(ids.values()));
            notes.add("id of another kind");
        } else if (dice < 70) {
            id = UUID.randomUUID().toString();
            notes.add("unknown id");
        } else {
            id = pick(List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", "%2e%2e%2f%2e%2e",
                    UUID.randomUUID().toString().toUpperCase(), "{" + UUID.randomUUID() + "}", UUID.randomUUID() + "x",
                    "1", "-1", "9".repeat(40), "A".repeat(3000), "%E2%80%AE" + UUID.randomUUID(), "null", "%20",
                    "ffffffff-ffff-ffff-ffff-ffffffffffff", "' or 1=1 --"));
            id = id.contains("%") ? id : URLEncoder.encode(id, StandardCharsets.UTF_8);
            notes.add("hostile id");
        }
        return template.replace("{id}", id);
    }

    private String query(Operation op, List<String> notes, int n) {
        List<String> parts = new ArrayList<>();
        for (JsonNode parameter : op.spec().path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            // the first requests of each operation page far beyond the end, the rest pick at random
            if (n < 3 && (name.equals("page") || name.equals("size"))) {
                parts.add(name + "=" + (name.equals("page") ? List.of("21474837", "2147483647", "21474836").get(n) : "100"));
                continue;
            }
            if (random.nextInt(3) != 0) {
                continue;
            }
            String value = queryValue(name, resolve(parameter.path("schema")));
            notes.add("query " + name);
            parts.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (random.nextInt(20) == 0) {
            parts.add("unknown=" + URLEncoder.encode(pick(STRINGS_SHORT), StandardCharsets.UTF_8));
        }
        if (random.nextInt(30) == 0 && !parts.isEmpty()) {
            parts.add(parts.get(0)); // a repeated parameter
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private String queryValue(String name, JsonNode schema) {
        int dice = random.nextInt(100);
        if (dice < 10) {
            return pick(STRINGS_SHORT);
        }
        String type = schema.path("type").asText();
        if (type.equals("integer") || name.equals("page") || name.equals("size")) {
            return pick(NUMBERS_TEXT);
        }
        if (type.equals("boolean")) {
            return pick(List.of("true", "false", "TRUE", "1", "yes", "", "null"));
        }
        if (schema.path("format").asText().equals("uuid")) {
            return pick(List.of(UUID.randomUUID().toString(), "not-a-uuid", "", "00000000-0000-0000-0000-000000000000",
                    pick(new ArrayList<>(ids.values())), UUID.randomUUID() + "0", "\u0000"));
        }
        if (name.equals("from") || name.equals("to") || name.equals("after")) {
            return pick(DATES);
        }
        if (schema.has("enum")) {
            return dice < 50 ? pick(schema.path("enum")).asText() : pick(List.of("riga", "RIGA ", "MARS", "", "' or 1=1"));
        }
        return pick(STRINGS_SHORT);
    }

    private void headers(Operation op, Map<String, String> headers, List<String> notes) {
        for (JsonNode parameter : op.spec().path("parameters")) {
            if (!parameter.path("in").asText().equals("header") || random.nextInt(2) == 0) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = name.equals("If-Match")
                    ? pick(List.of("\"0\"", "\"1\"", "*", "W/\"0\"", "garbage", "\"99999999999999999999\"", "\"-1\"",
                    "\"0\", \"1\"", "\"", "\"\"", "x".repeat(5000), ","))
                    : pick(List.of("key-" + random.nextInt(50), "k", "", " ", "x".repeat(200), "x".repeat(201),
                    "y".repeat(8000), "' or 1=1 --", "{}", "%00", "\t", UUID.randomUUID().toString()));
            headers.put(name, value);
            notes.add("header " + name);
        }
    }

    private byte[] body(Operation op, Map<String, String> headers, List<String> notes) {
        int dice = random.nextInt(100);
        headers.put("Content-Type", "application/json");
        if (dice < 8) {
            String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=zz", "application/json; charset=nonsense", "application/json; charset=UTF-16",
                    "application/json;;;", "garbage/////", "*/*", "application/problem+json", ""));
            if (type.isEmpty()) {
                headers.remove("Content-Type");
            } else {
                headers.put("Content-Type", type);
            }
            notes.add("content type " + type);
            return valid(op).toString().getBytes(StandardCharsets.UTF_8);
        }
        if (dice < 18) {
            notes.add("malformed body");
            return malformed();
        }
        JsonNode body = valid(op);
        if (dice < 25) {
            notes.add("valid body");
            return bytes(body);
        }
        // mostly one hostile value in an otherwise plausible body, so that it is the one the service must handle
        int mutations = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2);
        for (int i = 0; i < mutations; i++) {
            body = mutate(body, notes);
        }
        return bytes(body);
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Attempt oversize(Operation op) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.get("ADMIN"));
        headers.put("Content-Type", "application/json");
        byte[] body = ("{\"code\":\"" + "A".repeat(MAX_BODY + 1000) + "\"}").getBytes(StandardCharsets.UTF_8);
        String path = op.path().replace("{id}", ids.getOrDefault(op.path().split("/")[3], UUID.randomUUID().toString()));
        return new Attempt(op.id(), op.method(), path, "ADMIN", headers, body, "oversize body");
    }

    // --- bodies: a plausible one from the schema's examples, then hostile changes ---

    private JsonNode valid(Operation op) {
        JsonNode schema = op.spec().path("requestBody").path("content").path("application/json").path("schema");
        return generate(resolve(schema), "", 0);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            resolved = doc.path("components").path("schemas").path(name).deepCopy();
            // the document puts examples and descriptions beside a $ref; they belong to the resolved schema
            if (resolved.isObject()) {
                ObjectNode merged = ((ObjectNode) resolved);
                schema.properties().forEach(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
            }
        }
        return resolved;
    }

    private JsonNode generate(JsonNode schema, String field, int depth) {
        if (field.equals("code") && schema.path("type").asText().equals("string") && schema.has("pattern")) {
            return NODES.textNode(Api.unique("FZ")); // a fresh code, so that creates get as far as the database
        }
        if (schema.has("examples") && schema.get("examples").size() > 0 && !isUuid(schema)) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            return pick(schema.get("enum"));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode node = NODES.objectNode();
                if (depth > 4) {
                    return node;
                }
                schema.path("properties").properties().forEach(p ->
                        node.set(p.getKey(), generate(resolve(p.getValue()), p.getKey(), depth + 1)));
                return node;
            }
            case "array": {
                ArrayNode node = NODES.arrayNode();
                node.add(generate(resolve(schema.path("items")), field, depth + 1));
                return node;
            }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(0.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                if (isUuid(schema)) {
                    return NODES.textNode(idFor(field));
                }
                if (schema.path("format").asText().equals("date")) {
                    return NODES.textNode("2026-09-01");
                }
                if (schema.path("format").asText().equals("date-time")) {
                    // a fixed instant long past, so that what the fuzz stores is in no period the report tests read
                    return NODES.textNode("2021-06-15T10:00:00Z");
                }
                return NODES.textNode(field.equals("code") ? Api.unique("FZ") : "FUZZ_VALUE");
        }
    }

    private static boolean isUuid(JsonNode schema) {
        return schema.path("format").asText().equals("uuid");
    }

    private String idFor(String field) {
        String kind = switch (field) {
            case "personId" -> "persons";
            case "measureId" -> "measures";
            case "programmeId" -> "programmes";
            default -> "organisations";
        };
        return ids.getOrDefault(kind, UUID.randomUUID().toString());
    }

    /** Replaces one value somewhere in the body (a field, an array item, the whole body), or removes or adds one. */
    private JsonNode mutate(JsonNode body, List<String> notes) {
        List<String[]> places = new ArrayList<>();
        collect(body, "", places);
        if (places.isEmpty() || random.nextInt(20) == 0) {
            notes.add("body replaced");
            return hostile("");
        }
        String[] place = pick(places);
        JsonNode parent = at(body, place[0]);
        String key = place[1];
        int dice = random.nextInt(100);
        if (parent.isObject()) {
            ObjectNode object = (ObjectNode) parent;
            if (dice < 8) {
                object.remove(key);
                notes.add("removed " + place[0] + "/" + key);
            } else if (dice < 12) {
                object.set(pick(List.of("unknown", "id", "version", "__proto__", "\u0000", "")), hostile(key));
                notes.add("extra field in " + place[0]);
            } else {
                object.set(key, hostile(key));
                notes.add(place[0] + "/" + key);
            }
        } else if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            int index = Integer.parseInt(key);
            if (dice < 40) {
                array.insertNull(index);
                notes.add("null item in " + place[0]);
            } else {
                array.set(index, hostile(""));
                notes.add(place[0] + "[" + index + "]");
            }
        }
        return body;
    }

    private static void collect(JsonNode node, String pointer, List<String[]> places) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                places.add(new String[] {pointer, e.getKey()});
                collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), places);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                places.add(new String[] {pointer, String.valueOf(i)});
                collect(node.get(i), pointer + "/" + i, places);
            }
        }
    }

    private static JsonNode at(JsonNode body, String pointer) {
        return pointer.isEmpty() ? body : body.at(pointer);
    }

    /** A hostile JSON value; the field's name makes dates and numbers likelier where they belong. */
    private JsonNode hostile(String field) {
        String lower = field.toLowerCase();
        int dice = random.nextInt(100);
        if (dice < 40) {
            if (lower.contains("date") || lower.contains("at") && lower.endsWith("at") || lower.contains("day")) {
                return NODES.textNode(pick(DATES));
            }
            if (lower.contains("capacity") || lower.contains("seats") || lower.contains("year") || lower.contains("rank")
                    || lower.contains("version") || lower.contains("score")) {
                return pick(NUMBERS);
            }
            if (lower.endsWith("id")) {
                return NODES.textNode(pick(List.of(UUID.randomUUID().toString(), "not-a-uuid", "",
                        pick(new ArrayList<>(ids.values())), "00000000-0000-0000-0000-000000000000")));
            }
            if (lower.endsWith("s")) {
                return hostileArray();
            }
        }
        if (dice < 60) {
            return NODES.textNode(pick(STRINGS));
        }
        if (dice < 72) {
            return pick(NUMBERS);
        }
        if (dice < 80) {
            return NODES.textNode(pick(DATES));
        }
        if (dice < 90) {
            return hostileArray();
        }
        return pick(List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.objectNode(), deepObject(50),
                NODES.objectNode().put("a", "b"), NODES.textNode("null")));
    }

    private JsonNode hostileArray() {
        ArrayNode array = NODES.arrayNode();
        switch (random.nextInt(7)) {
            case 0 -> array.addNull();
            case 1 -> array.addNull().add("HOUSING").addNull();
            case 2 -> array.add("A".repeat(10_000));
            case 3 -> {
                for (int i = 0; i < 5_000; i++) {
                    array.add("CODE_" + i);
                }
            }
            case 4 -> array.add(1).add(true).add(NODES.objectNode());
            case 5 -> array.add(NODES.arrayNode().add("RIGA"));
            default -> array.add(pick(STRINGS)).add("RIGA").add("riga");
        }
        return array;
    }

    private static JsonNode deepObject(int depth) {
        ObjectNode root = NODES.objectNode();
        ObjectNode current = root;
        for (int i = 0; i < depth; i++) {
            current = current.putObject("a");
        }
        return root;
    }

    private byte[] malformed() {
        String text = pick(List.of("{", "", "null", "[]", "[null]", "\"text\"", "123", "{\"code\":", "{\"code\": }",
                "{}x", "{'code': 'A'}", "{\"a\":1,\"a\":2}", "/* comment */ {}", "\uFEFF{}", "{\"code\": \"\\ud800\"}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
                "1".repeat(5_000), "{\"capacity\": 1e400}", "{\"capacity\": -1e400}", "{\"capacity\": NaN}",
                "{\"birthYear\": 99999999999999999999999999}", "{\"code\": \"\\u0000\"}", "{\"needs\": [null, null]}"));
        if (random.nextInt(10) == 0) {
            return new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}', (byte) 0xc3};
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final List<String> STRINGS_SHORT = List.of("", " ", "a", "A".repeat(2_000), "Ω≈ç√∫˜µ≤≥÷",
            "😀👍🏽", "\u202Eevil", "ا لعربية", "\u0000", "a\u0000b", "\u0001\u0002\u001f", "\r\n", "\t",
            "' or 1=1 --", "\"; drop table person; --", "%", "_", "\\", "${jndi:ldap://x/a}", "{{7*7}}",
            "<script>alert(1)</script>", "../../etc/passwd", "NaN", "-1", "null", "[]", "{}", "💩".repeat(100));

    private static final List<String> STRINGS;

    static {
        List<String> strings = new ArrayList<>(STRINGS_SHORT);
        strings.addAll(List.of("A".repeat(10_000), "x".repeat(100_001), "é".repeat(12_000), "\u0000".repeat(1_000),
                "\uD800", "\uDC00abc", "RIGA", "HOUSING", "CONSENT", "LRC-" + "9".repeat(70), "AB", "A_B_C",
                "lv", "2026-11-23", "true", "1e400"));
        STRINGS = List.copyOf(strings);
    }

    private static final List<String> DATES = List.of("2022-02-30", "99999-01-01", "+99999-01-01", "+999999999-12-31",
            "-999999999-01-01", "0000-00-00", "0000-01-01", "-0001-01-01", "2026-13-01", "1900-01-01", "9999-12-31",
            "+10000-01-01", "2026-11-23T10:00:00Z", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "+294277-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2026-11-23T25:61:00Z", "2026-W47", "yesterday",
            "", "1700000000", "2026-11-23", "2026-02-29", "2024-02-29", "5874898-01-01", "+5874898-01-01",
            "-4714-11-23", "-4713-11-24");

    private static final List<JsonNode> NUMBERS = List.of(NODES.numberNode(0), NODES.numberNode(-1),
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode(2147483648L),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
            NODES.numberNode(new BigInteger("1" + "0".repeat(40))), NODES.numberNode(1e308), NODES.numberNode(-1e308),
            NODES.numberNode(1.5), NODES.numberNode(-0.0), NODES.numberNode(4.9e-324), NODES.numberNode(1_000_001),
            NODES.textNode("12"), NODES.textNode("lots"));

    private static final List<String> NUMBERS_TEXT = List.of("0", "-1", "21474837", "2147483647", "2147483648",
            "-2147483649", "9223372036854775808", "1e10", "1.5", "", " ", "0x10", "NaN", "100", "101", "1", "٣");

    // --- sending and judging ---

    private final Map<String, Map<Integer, AtomicInteger>> byOperation = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger unsendable = new AtomicInteger();

    private List<String> send(List<Attempt> attempts) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Iterator<Attempt> next = attempts.iterator();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                workers.add(pool.submit(() -> {
                    while (true) {
                        Attempt attempt;
                        synchronized (next) {
                            if (!next.hasNext()) {
                                return null;
                            }
                            attempt = next.next();
                        }
                        judge(http, base, attempt, failures);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(failures);
    }

    private void judge(HttpClient http, String base, Attempt attempt, ConcurrentLinkedQueue<String> failures) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + attempt.path()))
                    .timeout(Duration.ofSeconds(60))
                    .method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
            attempt.headers().forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException e) {
            unsendable.incrementAndGet(); // a header or URI the client itself refuses to send
            return;
        }
        int status;
        String contentType;
        String body;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse("");
            body = response.body();
        } catch (IOException e) {
            if (attempt.note().equals("oversize body")) {
                // the server may answer 413 and close before the client has sent everything; a reset is a refusal
                count(attempt, 413);
                return;
            }
            failures.add(attempt.describe() + "\n  -> no response: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        count(attempt, status);
        if (status >= 500) {
            failures.add(attempt.describe() + "\n  -> " + status + " " + contentType + " " + truncate(body, 500));
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            failures.add(attempt.describe() + "\n  -> " + status + " without a problem body: '" + contentType + "' "
                    + truncate(body, 300));
        } else if (status >= 400 && !(body.contains("\"type\"") && body.contains("\"title\"") && body.contains("\"status\":" + status))) {
            failures.add(attempt.describe() + "\n  -> " + status + " problem body lacks type/title/status: " + truncate(body, 300));
        }
    }

    private void count(Attempt attempt, int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        byOperation.computeIfAbsent(attempt.operation(), o -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private void summary(List<Operation> operations, int sent, long millis, long seed) {
        Map<String, Integer> classes = new TreeMap<>();
        statuses.forEach((status, count) -> classes.merge(status / 100 + "xx", count.get(), Integer::sum));
        System.out.printf("FUZZ: %d requests in %.1f s (seed %d, %d not sendable by the client): %s; by status %s%n",
                sent, millis / 1000.0, seed, unsendable.get(), classes, new TreeMap<>(statuses));
        for (Operation op : operations) {
            Map<Integer, AtomicInteger> counts = byOperation.getOrDefault(op.id(), Map.of());
            System.out.printf("FUZZ:   %-24s %-6s %-40s %4d  %s%n", op.id(), op.method(), op.path(),
                    counts.values().stream().mapToInt(AtomicInteger::get).sum(), new TreeMap<>(counts));
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private JsonNode pick(JsonNode array) {
        return array.get(random.nextInt(array.size()));
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
