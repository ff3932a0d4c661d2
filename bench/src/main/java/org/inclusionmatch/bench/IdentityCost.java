package org.inclusionmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.inclusionmatch.servers.DevIssuer;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the personal code (issue 26) costs on the write paths, as a ratio against the same writes without it in the
 * same run (bench/identity.sh). Each figure is measured for both variants, interleaved A B B A A B B A ... in rounds
 * so that drift (JIT, a growing table, other load on the machine) falls on both alike:
 * <ul>
 *   <li>import: the persons into one new organisation without codes and the same payloads (same seed, same
 *       externalRef) with a code each into another, NDJSON chunks of 1,000 lines, two requests in flight as PerfSeed;
 *   <li>create: single {@code POST /api/v1/persons} from CLIENTS concurrent clients, into two more organisations.
 * </ul>
 * A warm-up of both variants (not counted) runs first, into organisations of its own.
 * Beside wall time it counts the CPU time profile-service and PostgreSQL (the postmaster and its backends) spent in
 * each round, from /proc, when their pids are given: other work on the machine slows the wall time of both variants
 * but hardly changes the CPU each spends per person.
 * <pre>java -cp ... org.inclusionmatch.bench.IdentityCost API_URL KEYS_DIR PERSONS CREATES CLIENTS ROUNDS OUT_DIR [SERVICE_PID POSTMASTER_PID]</pre>
 * Prints the rounds and lines {@code ROW|figure|without|with|with/without} for bench/identity.sh's table; writes
 * {@code rounds.txt} and the latencies ({@code create-off.lat}, {@code create-on.lat}, ms, sorted) to OUT_DIR.
 */
public final class IdentityCost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1000;
    private static final long CREATE_CODES = 5_000_000L;   // code indexes of the created persons
    private static final long WARM_CODES = 8_000_000L;     // of the warm-up's import
    private static final long WARM_CREATE_CODES = 9_000_000L; // and of its creates (same organisation: distinct codes)

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String api;
    private final PrintStream log;
    private final long servicePid;
    private final long postmasterPid;

    private IdentityCost(String api, PrintStream log, long servicePid, long postmasterPid) {
        this.api = api;
        this.log = log;
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    public static void main(String[] args) throws Exception {
        String api = args[0];
        DevIssuer issuer = DevIssuer.load(Path.of(args[1]));
        int persons = Integer.parseInt(args[2]);
        int creates = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        Path out = Files.createDirectories(Path.of(args[6]));
        try (PrintStream log = new PrintStream(Files.newOutputStream(out.resolve("rounds.txt")), true)) {
            long service = args.length > 8 ? Long.parseLong(args[7]) : 0;
            long postmaster = args.length > 8 ? Long.parseLong(args[8]) : 0;
            new IdentityCost(api, log, service, postmaster).run(issuer, persons, creates, clients, rounds, out);
        }
    }

    private void run(DevIssuer issuer, int persons, int creates, int clients, int rounds, Path out) throws Exception {
        String admin = issuer.token("identity-bench-admin", List.of("ADMIN"), null, 6 * 3600);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String importOff = caseworker(issuer, admin, "ID-IMP-OFF-" + tag);
        String importOn = caseworker(issuer, admin, "ID-IMP-ON-" + tag);
        String createOff = caseworker(issuer, admin, "ID-NEW-OFF-" + tag);
        String createOn = caseworker(issuer, admin, "ID-NEW-ON-" + tag);
        String warmOff = caseworker(issuer, admin, "ID-WARM-OFF-" + tag);
        String warmOn = caseworker(issuer, admin, "ID-WARM-ON-" + tag);

        say("Warm-up (not counted): import 4,000 and create 400 persons, each without and with codes");
        List<ObjectNode> warm = payloads(4000, 7);
        importRound(warmOff, warm, 0, 4000, -1);
        importRound(warmOn, warm, 0, 4000, WARM_CODES);
        createRound(warmOff, warm, 0, 400, -1, clients, new double[400]);
        createRound(warmOn, warm, 0, 400, WARM_CREATE_CODES, clients, new double[400]);

        // --- import -------------------------------------------------------------------------------------------
        List<ObjectNode> people = payloads(persons, 11);
        int[] cuts = cuts(persons, rounds, CHUNK);
        double[] importSeconds = new double[2];
        double[][] importCpu = new double[2][2];
        say("Import: %,d persons each, %d rounds of ~%,d, chunks of %,d lines, 2 in flight, order A B B A ...",
                persons, cuts.length - 1, persons / (cuts.length - 1), CHUNK);
        for (int r = 0; r < cuts.length - 1; r++) {
            for (int v : order(r)) {
                double[] cpu = cpu();
                double s = importRound(v == 0 ? importOff : importOn, people, cuts[r], cuts[r + 1], v == 0 ? -1 : 0);
                importSeconds[v] += s;
                addCpu(importCpu[v], cpu);
                say("  import round %d %-12s %,6d persons in %6.2f s: %,7.0f persons/s", r + 1, v == 0 ? "without code" : "with code",
                        cuts[r + 1] - cuts[r], s, (cuts[r + 1] - cuts[r]) / s);
            }
        }

        // --- create -------------------------------------------------------------------------------------------
        List<ObjectNode> singles = payloads(creates, 13);
        int[] createCuts = cuts(creates, rounds, 1);
        double[][] latencies = {new double[creates], new double[creates]};
        double[] createSeconds = new double[2];
        double[][] createCpu = new double[2][2];
        say("Create: %,d single POST /persons each, %d clients, %d rounds, order A B B A ...", creates, clients, createCuts.length - 1);
        for (int r = 0; r < createCuts.length - 1; r++) {
            for (int v : order(r)) {
                double[] cpu = cpu();
                double s = createRound(v == 0 ? createOff : createOn, singles, createCuts[r], createCuts[r + 1],
                        v == 0 ? -1 : CREATE_CODES, clients, latencies[v]);
                createSeconds[v] += s;
                addCpu(createCpu[v], cpu);
                say("  create round %d %-12s %,6d requests in %6.2f s: %,7.0f req/s", r + 1, v == 0 ? "without code" : "with code",
                        createCuts[r + 1] - createCuts[r], s, (createCuts[r + 1] - createCuts[r]) / s);
            }
        }
        for (int v = 0; v < 2; v++) {
            Arrays.sort(latencies[v]);
            StringBuilder text = new StringBuilder();
            for (double ms : latencies[v]) text.append(String.format("%.3f%n", ms));
            Files.writeString(out.resolve(v == 0 ? "create-off.lat" : "create-on.lat"), text);
        }

        double impOff = persons / importSeconds[0], impOn = persons / importSeconds[1];
        double newOff = creates / createSeconds[0], newOn = creates / createSeconds[1];
        row("import, persons/s (" + String.format("%,d", persons) + " each)", impOff, impOn, "%,.0f");
        row("import, ms per 1,000 persons", 1e6 / impOff, 1e6 / impOn, "%,.0f");
        row("create (POST /persons, " + clients + " clients), req/s", newOff, newOn, "%,.0f");
        row("create p50 ms", pct(latencies[0], 50), pct(latencies[1], 50), "%.2f");
        row("create p99 ms", pct(latencies[0], 99), pct(latencies[1], 99), "%.2f");
        if (servicePid > 0) {
            row("import, CPU ms per 1,000: profile-service", importCpu[0][0] * 1e6 / persons, importCpu[1][0] * 1e6 / persons, "%,.0f");
            row("import, CPU ms per 1,000: PostgreSQL", importCpu[0][1] * 1e6 / persons, importCpu[1][1] * 1e6 / persons, "%,.0f");
            row("create, CPU ms per 1,000: profile-service", createCpu[0][0] * 1e6 / creates, createCpu[1][0] * 1e6 / creates, "%,.0f");
            row("create, CPU ms per 1,000: PostgreSQL", createCpu[0][1] * 1e6 / creates, createCpu[1][1] * 1e6 / creates, "%,.0f");
        }
    }

    /** CPU seconds so far of profile-service and of PostgreSQL (postmaster, its reaped and its live children). */
    private double[] cpu() {
        if (servicePid <= 0) return new double[2];
        double service = ticks(servicePid, true);
        double pg = ticks(postmasterPid, true);
        for (ProcessHandle child : ProcessHandle.of(postmasterPid).map(h -> h.children().toList()).orElse(List.of())) {
            pg += ticks(child.pid(), false);
        }
        return new double[]{service / 100.0, pg / 100.0}; // USER_HZ is 100 on Linux
    }

    /** utime + stime (+ cutime + cstime) of a process in clock ticks, 0 when it is gone. */
    private static long ticks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 (state)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (Exception e) {
            return 0;
        }
    }

    /** Adds the CPU spent since {@code before} to {@code total}. */
    private void addCpu(double[] total, double[] before) {
        double[] now = cpu();
        total[0] += now[0] - before[0];
        total[1] += now[1] - before[1];
    }

    /** The variants of round r: A B, then B A, then A B ... (0 without a code, 1 with). */
    private static int[] order(int r) {
        return r % 2 == 0 ? new int[]{0, 1} : new int[]{1, 0};
    }

    /** Round boundaries: total split into about `rounds` parts, each a multiple of unit (the last takes the rest). */
    private static int[] cuts(int total, int rounds, int unit) {
        int units = Math.max(1, (total + unit - 1) / unit);
        int n = Math.max(1, Math.min(rounds, units));
        int[] cuts = new int[n + 1];
        for (int r = 1; r <= n; r++) cuts[r] = Math.min(total, (int) ((long) units * r / n) * unit);
        cuts[n] = total;
        return cuts;
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private void row(String figure, double without, double with, String format) {
        System.out.printf("ROW|%s|%s|%s|%.3f%n", figure, String.format(format, without), String.format(format, with), with / without);
    }

    private void say(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        log.println(text);
    }

    private static List<ObjectNode> payloads(int count, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) list.add(PerfSeed.person(random));
        return list;
    }

    /** Person i's body: the payload, its externalRef, and the code of index codeBase + i unless codeBase < 0. */
    private static String body(List<ObjectNode> people, int i, long codeBase, boolean withRef) throws Exception {
        ObjectNode p = people.get(i).deepCopy();
        if (withRef) p.put("externalRef", "IDB-" + i);
        if (codeBase >= 0) p.put("personalCode", PerfSeed.personalCode(codeBase + i));
        return JSON.writeValueAsString(p);
    }

    /** Imports persons [from, to) in chunks, two in flight; the seconds from the first send to the last answer. */
    private double importRound(String token, List<ObjectNode> people, int from, int to, long codeBase) throws Exception {
        List<String> bodies = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = from; i < to; i++) {
            chunk.append(body(people, i, codeBase, true)).append('\n');
            if ((i - from + 1) % CHUNK == 0 || i == to - 1) {
                bodies.add(chunk.toString());
                chunk = new StringBuilder();
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (String b : bodies) answers.add(pool.submit(() -> send("/api/v1/persons/import", token, "application/x-ndjson", b, 200)));
            int created = 0;
            for (Future<JsonNode> a : answers) {
                JsonNode report = a.get();
                if (report.path("rejected").asInt() != 0) {
                    throw new IllegalStateException("import refused lines: " + report.toString().substring(0, Math.min(500, report.toString().length())));
                }
                created += report.path("created").asInt();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (created != to - from) throw new IllegalStateException("import created " + created + " of " + (to - from));
            return seconds;
        } finally {
            pool.shutdown();
        }
    }

    /** POSTs persons [from, to) one by one from `clients` threads; latencies (ms) into lat[from..to). */
    private double createRound(String token, List<ObjectNode> people, int from, int to, long codeBase, int clients,
                               double[] lat) throws Exception {
        String[] bodies = new String[to - from];
        for (int i = from; i < to; i++) bodies[i - from] = body(people, i, codeBase, false);
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        send("/api/v1/persons", token, "application/json", bodies[i - from], 201);
                        lat[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private String caseworker(DevIssuer issuer, String admin, String code) throws Exception {
        ObjectNode organisation = JSON.createObjectNode().put("code", code).put("name", "Identity benchmark " + code)
                .put("kind", "NGO").put("region", "RIGA");
        String org = send("/api/v1/organisations", admin, "application/json", JSON.writeValueAsString(organisation), 201)
                .get("id").asText();
        return issuer.token("identity-bench-" + code.toLowerCase(), List.of("CASEWORKER"), UUID.fromString(org), 6 * 3600);
    }

    private JsonNode send(String path, String token, String type, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected && !(expected == 201 && response.statusCode() == 200 && path.contains("organisations"))) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
