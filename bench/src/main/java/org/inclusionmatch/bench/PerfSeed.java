package org.inclusionmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inclusionmatch.servers.DevIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds the performance harness (bench/perf.sh): a new organisation and N persons in the mix the seeds suggest,
 * through the bulk import ({@code POST /api/v1/persons/import}, NDJSON, 1,000 lines a request); where the running
 * service has no import yet (404/405), through {@code POST /api/v1/persons} with 16 parallel clients.
 * <pre>java -cp ... org.inclusionmatch.bench.PerfSeed API_URL KEYS_DIR N OUT_DIR</pre>
 * Writes to OUT_DIR: {@code organisation}, {@code admin.token}, {@code caseworker.token}, {@code person.id},
 * {@code person.json} (a PUT body for that person), {@code needs} (every need in the mix, comma-separated), and
 * {@code seed.txt} ({@code method persons seconds created rejected}).
 * <p>
 * Every person gets a synthetic valid personal code ({@link #personalCode(long)}, unique per index) unless the
 * environment sets {@code PERF_PERSONAL_CODES=0}: the import then also checks, links and looks up the codes (issue 26).
 */
public final class PerfSeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1000;

    // Needs as often as the demo catalogue's measures serve them (deploy/local/demo/catalogue.json).
    static final Map<String, Integer> NEEDS = Map.ofEntries(Map.entry("SOCIAL_SUPPORT", 5), Map.entry("PROFESSIONAL_SKILLS", 5),
            Map.entry("BUSINESS_SKILLS", 4), Map.entry("NETWORK", 4), Map.entry("MOTIVATION", 3), Map.entry("CAREER_GUIDANCE", 3),
            Map.entry("DIGITAL_SKILLS", 3), Map.entry("FIRST_JOB", 3), Map.entry("FINANCING", 1), Map.entry("PSYCHOLOGICAL", 2),
            Map.entry("SOCIAL_SKILLS", 2), Map.entry("HOUSING", 2), Map.entry("MANAGEMENT_SKILLS", 2), Map.entry("LEGAL", 1),
            Map.entry("ADDICTION_SUPPORT", 1), Map.entry("JOB_SEARCH", 1), Map.entry("SOFT_SKILLS", 1), Map.entry("STABLE_WORK", 1));

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String api;

    private PerfSeed(String api) {
        this.api = api;
    }

    /** Whether the seeded persons carry a personal code: PERF_PERSONAL_CODES, default 1 (yes); 0 turns it off. */
    static boolean personalCodesWanted() {
        return !"0".equals(System.getenv().getOrDefault("PERF_PERSONAL_CODES", "1").strip());
    }

    /**
     * A valid new-form Latvian personal code (32 + 8 digits + check digit), deterministic and unique per index
     * (0 <= index < 10,000,000): the body is 32 followed by index * 10 + j, j the first of 0, 1 whose check digit is
     * not 10 (the last body digit has weight 2, so two neighbours never both give 10). Not a real person's code
     * unless by chance; never use such codes outside tests and benchmarks.
     */
    static String personalCode(long index) {
        if (index < 0 || index >= 10_000_000L) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        for (int j = 0; j < 10; j++) {
            String body = "32" + String.format("%08d", index * 10 + j);
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += WEIGHTS[i] * (body.charAt(i) - '0');
            }
            int check = Math.floorMod(1101 - sum, 11);
            if (check < 10) {
                return body + check;
            }
        }
        throw new IllegalStateException("no valid check digit near " + index);
    }

    private static final int[] WEIGHTS = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public static void main(String[] args) throws Exception {
        String api = args[0];
        DevIssuer issuer = DevIssuer.load(Path.of(args[1]));
        int count = Integer.parseInt(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        new PerfSeed(api).run(issuer, count, out);
    }

    private void run(DevIssuer issuer, int count, Path out) throws Exception {
        String admin = issuer.token("perf-admin", List.of("ADMIN"), null, 6 * 3600);
        String code = "PERF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ObjectNode organisation = JSON.createObjectNode().put("code", code).put("name", "Performance harness " + code)
                .put("kind", "NGO").put("region", "RIGA");
        String org = send("POST", "/api/v1/organisations", admin, "application/json", JSON.writeValueAsString(organisation))
                .body().get("id").asText();
        String caseworker = issuer.token("perf-caseworker", List.of("CASEWORKER"), UUID.fromString(org), 6 * 3600);
        Files.writeString(out.resolve("organisation"), org);
        Files.writeString(out.resolve("admin.token"), admin);
        Files.writeString(out.resolve("caseworker.token"), caseworker);
        Files.writeString(out.resolve("needs"), String.join(",", NEEDS.keySet()));

        boolean codes = personalCodesWanted();
        System.out.printf("Personal codes: %s (PERF_PERSONAL_CODES)%n", codes ? "one per person" : "none");
        Random random = new Random(11);
        long start = System.nanoTime();
        String method = "import";
        int[] created = {0, 0};
        List<String> chunk = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<int[]>> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode person = person(random);
            person.put("externalRef", "PERF-" + i);
            if (codes) {
                person.put("personalCode", personalCode(i));
            }
            chunk.add(JSON.writeValueAsString(person));
            if (chunk.size() == CHUNK || i == count - 1) {
                String body = String.join("\n", chunk) + "\n";
                chunk = new ArrayList<>();
                if (i < CHUNK) { // the first chunk alone: it tells whether there is an import at all
                    Reply first = send("POST", "/api/v1/persons/import", caseworker, "application/x-ndjson", body, true);
                    if (first.status == 404 || first.status == 405) {
                        method = "POST /persons x16";
                        break;
                    }
                    add(created, counts(first));
                } else {
                    chunks.add(pool.submit(() -> counts(send("POST", "/api/v1/persons/import", caseworker,
                            "application/x-ndjson", body, false))));
                }
                int done = i + 1;
                if (done % 10_000 == 0) {
                    System.out.printf("  %d persons sent%n", done);
                }
            }
        }
        for (Future<int[]> f : chunks) {
            add(created, f.get());
        }
        pool.shutdown();
        if (!method.equals("import")) {
            created = postOneByOne(new Random(11), count, caseworker, codes);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Seeded %d persons (%d created or updated, %d rejected) by %s in %.1f s: %.0f persons/s%n",
                count, created[0], created[1], method, seconds, count / seconds);
        Files.writeString(out.resolve("seed.txt"), String.format("%s %d %.2f %d %d%n", method.replace(' ', '_'),
                count, seconds, created[0], created[1]));

        JsonNode one = send("GET", "/api/v1/persons?size=1", caseworker, null, null).body().get("items").get(0);
        Files.writeString(out.resolve("person.id"), one.get("id").asText());
        ObjectNode put = ((ObjectNode) one.deepCopy());
        put.remove(List.of("id", "organisationId", "version", "createdAt", "updatedAt", "externalRef", "personalCodeRecorded"));
        Files.writeString(out.resolve("person.json"), JSON.writeValueAsString(put));
    }

    private static void add(int[] total, int[] more) {
        total[0] += more[0];
        total[1] += more[1];
    }

    private static int[] counts(Reply reply) {
        JsonNode b = reply.body();
        return new int[]{b.path("created").asInt() + b.path("updated").asInt() + b.path("unchanged").asInt(),
                b.path("rejected").asInt()};
    }

    private int[] postOneByOne(Random random, int count, String token, boolean codes) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore parallel = new Semaphore(16);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                ObjectNode person = person(random);
                if (codes) {
                    person.put("personalCode", personalCode(i));
                }
                String body = JSON.writeValueAsString(person);
                parallel.acquire();
                threads.submit(() -> {
                    try {
                        send("POST", "/api/v1/persons", token, "application/json", body);
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        parallel.release();
                    }
                });
                if ((i + 1) % 10_000 == 0) {
                    System.out.printf("  %d persons sent%n", i + 1);
                }
            }
        }
        return new int[]{ok.get(), failed.get()};
    }

    /** One person in the proportions the seeds suggest (domain.md): mostly participants, all six regions. */
    static ObjectNode person(Random r) {
        ObjectNode p = JSON.createObjectNode();
        int roll = r.nextInt(100);
        String role = roll < 85 ? "PARTICIPANT" : roll < 95 ? "SUPPORT_PERSON" : "FACILITATOR";
        String archetype = switch (role) {
            case "PARTICIPANT" -> pick(r, "SAFE_HAVEN", 20, "SOFT_SKILLS_GAP", 30, "GROWTH_ORIENTED", 35, "SURVIVOR", 15);
            case "SUPPORT_PERSON" -> pick(r, "SOCIALLY_ORIENTED", 40, "PROFESSIONALLY_ORIENTED", 40, "FUTURE_FACILITATOR", 20);
            default -> pick(r, "FOUNDER", 20, "SOCIAL_FACILITATOR", 25, "NEAR_RETIREMENT_MANAGER", 15,
                    "TECHNICAL_FACILITATOR", 20, "BEGINNER", 20);
        };
        int age = 18 + r.nextInt(50);
        p.put("role", role).put("archetype", archetype).put("birthYear", 2026 - age)
                .put("gender", r.nextInt(100) < 56 ? "FEMALE" : "MALE")
                .put("region", pick(r, "RIGA", 32, "PIERIGA", 19, "LATGALE", 13, "KURZEME", 12, "ZEMGALE", 12, "VIDZEME", 12))
                .put("municipality", "Perf municipality " + r.nextInt(43));
        var groups = p.putArray("targetGroups");
        if (role.equals("PARTICIPANT")) {
            if (age >= 50) groups.add("OVER_50");
            if (r.nextInt(100) < 12) groups.add("SINGLE_PARENT");
            if (r.nextInt(100) < 8) groups.add("AFTER_CHILDCARE_LEAVE");
            if (r.nextInt(100) < 15) groups.add("DISABILITY");
            if (r.nextInt(100) < 10) groups.add("ETHNIC_MINORITY");
            if (r.nextInt(100) < 3) groups.add("ROMA");
            if (age < 30 && r.nextInt(100) < 40) groups.add("NEET");
            if (r.nextInt(100) < 8) groups.add("PROBATION_CLIENT");
            if (r.nextInt(100) < 20) groups.add("LONG_TERM_UNEMPLOYED");
        }
        var needs = p.putArray("needs");
        List<String> chosen = new ArrayList<>();
        int howMany = 1 + r.nextInt(3);
        while (chosen.size() < howMany) {
            String need = weightedNeed(r);
            if (!chosen.contains(need)) chosen.add(need);
        }
        chosen.forEach(needs::add);
        p.putArray("goals").add(role.equals("PARTICIPANT")
                ? pick(r, "OPEN_LABOUR_MARKET", 60, "STABLE_WORK", 20, "START_BUSINESS", 20)
                : pick(r, "MORE_RESPONSIBILITY", 60, "START_BUSINESS", 40));
        var languages = p.putArray("languages").add("lv");
        if (r.nextInt(100) < 35) languages.add("ru");
        if (r.nextInt(100) < 15) languages.add("en");
        int basis = r.nextInt(100);
        if (basis < 80) {
            p.putPOJO("legalBasis", Map.of("basis", "CONSENT", "consentDate", "2026-11-01"));
        } else if (basis < 90) {
            p.putPOJO("legalBasis", Map.of("basis", "OFFICIAL_AUTHORITY", "reference", "Probation Service Law, s. 6"));
        } else {
            p.putPOJO("legalBasis", Map.of("basis", "LEGAL_OBLIGATION", "reference", "Social Services and Social Assistance Law"));
        }
        p.put("matchingAllowed", r.nextInt(100) < 95);
        return p;
    }

    private static String weightedNeed(Random r) {
        int total = NEEDS.values().stream().mapToInt(Integer::intValue).sum();
        int roll = r.nextInt(total);
        for (var e : NEEDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            roll -= e.getValue();
            if (roll < 0) return e.getKey();
        }
        throw new IllegalStateException();
    }

    /** pick(r, "A", 30, "B", 70): a value with its weight in percent. */
    private static String pick(Random r, Object... valuesAndWeights) {
        int roll = r.nextInt(100);
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            roll -= (Integer) valuesAndWeights[i + 1];
            if (roll < 0) return (String) valuesAndWeights[i];
        }
        return (String) valuesAndWeights[valuesAndWeights.length - 2];
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply send(String method, String path, String token, String type, String body) throws Exception {
        return send(method, path, token, type, body, false);
    }

    private Reply send(String method, String path, String token, String type, String body, boolean lenient) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) request.header("Content-Type", type);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 && !(lenient && (response.statusCode() == 404 || response.statusCode() == 405))) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        String text = response.body();
        return new Reply(response.statusCode(), text.isBlank() || response.statusCode() >= 300 ? JSON.createObjectNode() : JSON.readTree(text));
    }
}
