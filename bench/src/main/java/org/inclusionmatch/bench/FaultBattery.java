package org.inclusionmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.inclusionmatch.servers.DevIssuer;
import org.inclusionmatch.servers.FreePort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault battery: starts its own PostgreSQL, Kafka, profile-service and matching-worker on free ports (as
 * deploy/local does, durable PostgreSQL included), then breaks them one way after another under load and prints
 * what was acknowledged, stored, published, recommended, lost and duplicated, and how long recovery took.
 * <pre>java -cp ... org.inclusionmatch.bench.FaultBattery ROOT WORK_DIR [RATE_PER_SECOND] [LOAD_SECONDS] [OUTAGE_SECONDS]</pre>
 * Every wait is bounded; a scenario that does not settle in time reports what it saw.
 */
public final class FaultBattery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLE = Duration.ofSeconds(150);

    private final Path root;
    private final Path work;
    private final int rate;
    private final int loadSeconds;
    private final int outageSeconds;
    private final int pgPort = FreePort.pick();
    private final int kafkaPort = FreePort.pick();
    private final int apiPort = FreePort.pick();
    private final int workerPort = FreePort.pick();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private final Events events = new Events();
    private DevIssuer issuer;
    private String caseworker;
    private String admin;

    private FaultBattery(Path root, Path work, int rate, int loadSeconds, int outageSeconds) {
        this.root = root;
        this.work = work;
        this.rate = rate;
        this.loadSeconds = loadSeconds;
        this.outageSeconds = outageSeconds;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        FaultBattery battery = new FaultBattery(root, work, args.length > 2 ? Integer.parseInt(args[2]) : 10,
                args.length > 3 ? Integer.parseInt(args[3]) : 30, args.length > 4 ? Integer.parseInt(args[4]) : 120);
        try {
            battery.run();
        } finally {
            battery.stopAll();
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    private void run() throws Exception {
        Files.createDirectories(work.resolve("logs"));
        String serversCp = root.resolve("deploy/local-servers/target/local-servers-0.1.0-SNAPSHOT.jar") + ":"
                + root.resolve("deploy/local-servers/target/lib/*");
        Path keys = work.resolve("keys");
        exec(List.of(java(), "-cp", serversCp, "org.inclusionmatch.servers.DevIssuer", "keys", keys.toString()));
        issuer = DevIssuer.load(keys);
        String bootstrap = "127.0.0.1:" + kafkaPort;
        servers.put("postgres", new Server("postgres", "READY postgres", null, List.of(java(), "-Xmx128m", "-cp", serversCp,
                "org.inclusionmatch.servers.LocalServers", "postgres", work.resolve("postgres").toString(), "" + pgPort, "inclusion"), Map.of()));
        servers.put("kafka", new Server("kafka", "READY kafka", null, List.of(java(), "-Xmx512m", "-cp", serversCp,
                "org.inclusionmatch.servers.LocalServers", "kafka", work.resolve("kafka").toString(), "" + kafkaPort), Map.of()));
        servers.put("api", new Server("api", "Listening on", "http://127.0.0.1:" + apiPort + "/q/health/ready", List.of(java(), "-Xmx256m",
                "-Dquarkus.http.port=" + apiPort, "-jar", root.resolve("profile-service/target/quarkus-app/quarkus-run.jar").toString()),
                Map.of("INCLUSION_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/inclusion",
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.resolve("publicKey.pem").toString(),
                        "INCLUSION_IMPORT_CATALOGUE", root.resolve("deploy/local/demo/catalogue.json").toString())));
        servers.put("worker", new Server("worker", "Listening on", "http://127.0.0.1:" + workerPort + "/q/health/ready", List.of(java(), "-Xmx256m",
                "-Dquarkus.http.port=" + workerPort, "-jar", root.resolve("matching-worker/target/quarkus-app/quarkus-run.jar").toString()),
                Map.of("INCLUSION_API_URL", "http://127.0.0.1:" + apiPort,
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                        "SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.resolve("privateKey.pem").toString(),
                        "INCLUSION_WORKER_INSTANCE", "faults-worker")));
        long started = System.nanoTime();
        for (Server server : servers.values()) {
            server.start();
        }
        System.out.printf("Stack up in %.1f s (PostgreSQL %d, Kafka %d, API %d, worker %d; logs in %s)%n",
                (System.nanoTime() - started) / 1e9, pgPort, kafkaPort, apiPort, workerPort, work.resolve("logs"));
        sql("select setting from pg_settings where name = 'fsync'", r -> System.out.println("PostgreSQL fsync=" + r.getString(1)));
        sql("select setting from pg_settings where name = 'synchronous_commit'", r -> System.out.println("PostgreSQL synchronous_commit=" + r.getString(1)));
        admin = issuer.token("faults-admin", List.of("ADMIN"), null, 7200);
        String organisation = call("GET", "/api/v1/organisations?size=1", null, admin, Map.of()).body.get("items").get(0).get("id").asText();
        caseworker = issuer.token("faults-caseworker", List.of("CASEWORKER"), UUID.fromString(organisation), 7200);
        events.start("127.0.0.1:" + kafkaPort);

        table.add(String.format("%-34s %6s %6s %9s %11s %5s %10s %8s %8s", "scenario", "acked", "stored", "published",
                "recommended", "lost", "duplicated", "dlq", "recover s"));
        String only = System.getenv().getOrDefault("FAULTS_ONLY", "");
        if (!only.isEmpty()) {
            if (only.contains("rollback")) {
                rollback(organisation);
            }
            if (only.contains("idempotency")) {
                idempotency(organisation);
            }
            System.out.println();
            table.forEach(System.out::println);
            return;
        }
        rollback(organisation);
        killMidLoad("kill -9 profile-service", () -> servers.get("api").kill9(), () -> servers.get("api").start());
        killMidLoad("kill -9 Kafka broker", () -> servers.get("kafka").kill9(), () -> servers.get("kafka").start());
        killMidLoad("kill -9 PostgreSQL", this::killPostgres, () -> servers.get("postgres").start());
        killMidLoad("kill -9 matching-worker", () -> servers.get("worker").kill9(), () -> servers.get("worker").start());
        killMidLoad("SIGTERM + start matching-worker", () -> servers.get("worker").stop(), () -> servers.get("worker").start());
        apiOutage();
        poison();
        idempotency(organisation);
        ifMatch();
        stopStart();

        System.out.println();
        System.out.println("== Fault battery (rate " + rate + "/s for " + loadSeconds + " s per load scenario)");
        table.forEach(System.out::println);
    }

    private void rollback(String organisation) throws Exception {
        Instant start = Instant.now();
        long outboxBefore = count("select count(*) from outbox_event");
        String code = "FAULTS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ObjectNode programme = JSON.createObjectNode().put("code", code).put("name", "Programme " + code)
                .put("operatorId", organisation).put("startDate", "2026-01-01").put("endDate", "2027-12-31").put("capacity", 60);
        programme.putArray("regions").add("RIGA");
        List<Response> responses = concurrently(50, i -> call("POST", "/api/v1/programmes", programme, admin, Map.of()));
        long created = responses.stream().filter(r -> r.status == 201).count();
        long conflicts = responses.stream().filter(r -> r.status == 409).count();
        Thread.sleep(5_000);
        long outboxRows = count("select count(*) from outbox_event") - outboxBefore;
        // catalogue events committed since the start (the reader also sees the demo import's, from before)
        int published = (int) events.catalogueTimes.stream().filter(t -> !t.isBefore(start)).count();
        row(String.format("%-34s %6d %6d %9d %11s %5d %10d %8s %8s", "rollback: 50 creates, same code", created,
                outboxRows, published, "-", 0, Math.max(0, published - created), "-", "-"));
        System.out.printf("rollback: %d created, %d conflict (rolled back), outbox rows +%d, catalogue events +%d -> rolled-back events: %d%n",
                created, conflicts, outboxRows, published, published - created);
    }

    private void killMidLoad(String name, Fault kill, Fault restart) throws Exception {
        System.out.println("== " + name);
        int dlqBefore = events.dlq.get();
        Map<UUID, Instant> acked = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        Instant[] killedAt = new Instant[1];
        double[] restartSeconds = new double[1];
        Thread fault = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(loadSeconds * 1000L / 3);
                killedAt[0] = Instant.now();
                kill.run();
                long t = System.nanoTime();
                restart.run();
                restartSeconds[0] = (System.nanoTime() - t) / 1e9;
            } catch (Exception e) {
                System.out.println("fault thread: " + e);
            }
        });
        load(rate, loadSeconds, acked, failed);
        fault.join();
        settle(acked.keySet());
        report(name, acked, failed.get(), killedAt[0], dlqBefore);
        System.out.printf("   (restart took %.1f s; %d requests not acknowledged during the fault)%n", restartSeconds[0], failed.get());
    }

    private void apiOutage() throws Exception {
        String name = "API down " + outageSeconds + " s, events waiting";
        System.out.println("== " + name);
        int dlqBefore = events.dlq.get();
        servers.get("worker").stop();
        Map<UUID, Instant> acked = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        load(rate, 10, acked, failed);
        Thread.sleep(3_000); // the outbox relays them
        servers.get("api").kill9();
        Instant down = Instant.now();
        servers.get("worker").start();
        Thread.sleep(Math.max(0, outageSeconds * 1000L - Duration.between(down, Instant.now()).toMillis()));
        int dlqDuring = events.dlq.get() - dlqBefore;
        Instant back = Instant.now();
        servers.get("api").start();
        settle(acked.keySet());
        double rematched = lastComputed(acked.keySet()).map(t -> Duration.between(back, t).toMillis() / 1000.0).orElse(Double.NaN);
        System.out.printf("   dead-lettered during the outage: %d; all re-matched %.1f s after the API was started%n",
                dlqDuring, rematched);
        report(name, acked, failed.get(), null, dlqBefore, String.format("%.1f", rematched));
    }

    private void poison() throws Exception {
        System.out.println("== 100 poison records among good events");
        int dlqBefore = events.dlq.get();
        Set<String> headersSeen = ConcurrentHashMap.newKeySet();
        events.onDlq = record -> {
            for (String h : List.of("dead-letter-topic", "dead-letter-partition", "dead-letter-offset", "dead-letter-reason", "dead-letter-time")) {
                if (record.headers().lastHeader(h) == null) {
                    return;
                }
            }
            headersSeen.add(record.topic() + record.partition() + "@" + record.offset());
        };
        Map<UUID, Instant> acked = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        Thread good = Thread.ofPlatform().start(() -> {
            try {
                load(5, 8, acked, failed);
            } catch (Exception e) {
                System.out.println("load: " + e);
            }
        });
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", "127.0.0.1:" + kafkaPort),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 100; i++) {
                String type = switch (i % 4) {
                    case 0 -> "\"PERSON_CREATED \"";
                    case 1 -> "7";
                    case 2 -> "\"PERSON_TELEPORTED\"";
                    default -> null;
                };
                byte[] value = type == null ? new byte[]{(byte) 0xFF, (byte) i, 0x00, (byte) 0xC3}
                        : ("{\"id\":\"" + UUID.randomUUID() + "\",\"type\":" + type + ",\"source\":\"faults\",\"time\":\""
                        + Instant.now() + "\",\"subject\":\"" + UUID.randomUUID() + "\",\"aggregateVersion\":1}").getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>("inclusion.persons.v1", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), value));
                Thread.sleep(60);
            }
        }
        good.join();
        settle(acked.keySet());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events.dlq.get() - dlqBefore < 100 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        System.out.printf("   DLQ +%d, of which with all five headers: %d%n", events.dlq.get() - dlqBefore, headersSeen.size());
        report("100 poison + good events", acked, failed.get(), null, dlqBefore);
        events.onDlq = r -> { };
    }

    private void idempotency(String organisation) throws Exception {
        String key = UUID.randomUUID().toString();
        String marker = "Idem " + key.substring(0, 8);
        ObjectNode person = person(0);
        person.put("municipality", marker);
        idempotent("persons", person, caseworker, key, "select count(*) from person where municipality = '" + marker + "'");
        String code = "IDEM-" + key.substring(0, 8).toUpperCase();
        ObjectNode programme = JSON.createObjectNode().put("code", code).put("name", "Programme " + code)
                .put("operatorId", organisation).put("startDate", "2026-01-01").put("endDate", "2027-12-31").put("capacity", 60);
        programme.putArray("regions").add("RIGA");
        idempotent("programmes", programme, admin, key, "select count(*) from programme where code = '" + code + "'");
    }

    private void idempotent(String resource, ObjectNode body, String token, String key, String countSql) throws Exception {
        List<Response> responses = concurrently(200, i -> call("POST", "/api/v1/" + resource, body, token, Map.of("Idempotency-Key", key)));
        Map<String, Long> byStatus = new HashMap<>();
        responses.forEach(r -> byStatus.merge(String.valueOf(r.status), 1L, Long::sum));
        Set<String> bodies = new HashSet<>();
        // a 500 carries a fresh reference each time: compare the rest
        responses.forEach(r -> bodies.add(r.status + " " + (r.status == 500 ? "internal" : r.raw)));
        long stored = count(countSql);
        System.out.printf("idempotency (%s): statuses %s, distinct responses %d, stored %d%n", resource, byStatus, bodies.size(), stored);
        row(String.format("%-34s %s", "200 " + resource + " creates, one key", "stored " + stored + ", statuses " + byStatus
                + ", distinct responses " + bodies.size()));
    }

    private void ifMatch() throws Exception {
        ObjectNode person = person(1);
        Response created = call("POST", "/api/v1/persons", person, caseworker, Map.of());
        String id = created.body.get("id").asText();
        String etag = created.headers.firstValue("ETag").orElseThrow();
        List<Response> responses = concurrently(100, i -> {
            ObjectNode changed = person.deepCopy();
            changed.put("municipality", "Winner " + i);
            return call("PUT", "/api/v1/persons/" + id, changed, caseworker, Map.of("If-Match", etag));
        });
        Map<String, Long> byStatus = new HashMap<>();
        responses.forEach(r -> byStatus.merge(String.valueOf(r.status), 1L, Long::sum));
        System.out.printf("if-match: statuses %s%n", byStatus);
        row(String.format("%-34s %s", "100 PUTs, one If-Match", "statuses " + byStatus));
    }

    private void stopStart() throws Exception {
        Thread.sleep(5_000);
        Map<String, Long> before = snapshot();
        List<Server> reverse = new ArrayList<>(servers.values());
        java.util.Collections.reverse(reverse);
        for (Server server : reverse) {
            server.stop();
        }
        for (Server server : servers.values()) {
            server.start();
        }
        Thread.sleep(10_000);
        Map<String, Long> after = snapshot();
        System.out.printf("stop/start: before %s%n            after  %s%n", before, after);
        row(String.format("%-34s %s", "stop all, start all", before.equals(after) ? "identical counts " + after : "DIFFERENT: " + before + " vs " + after));
    }

    private Map<String, Long> snapshot() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("persons", count("select count(*) from person"));
        counts.put("recommendationSets", count("select count(*) from recommendation_set"));
        counts.put("outboxRows", count("select count(*) from outbox_event"));
        counts.put("outboxUnsent", count("select count(*) from outbox_event where sent_at is null"));
        return counts;
    }

    // ------------------------------------------------------------------------------------------------ measuring

    private void load(int perSecond, int seconds, Map<UUID, Instant> acked, AtomicInteger failed) throws Exception {
        int total = perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                pool.submit(() -> {
                    try {
                        Response r = call("POST", "/api/v1/persons", person(n), caseworker, Map.of());
                        if (r.status == 201) {
                            acked.put(UUID.fromString(r.body.get("id").asText()), Instant.now());
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                });
            }
        }
    }

    /** Waits (bounded) until every acknowledged person is stored, published and recommended. */
    private void settle(Set<UUID> ids) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (recommended(ids).size() == ids.size() && ids.stream().allMatch(events.created::containsKey)) {
                    return;
                }
            } catch (Exception notYet) {
                // database restarting
            }
            Thread.sleep(1_000);
        }
        System.out.println("   (not settled within " + SETTLE.toSeconds() + " s)");
    }

    private void report(String name, Map<UUID, Instant> acked, int failed, Instant faultAt, int dlqBefore) throws Exception {
        report(name, acked, failed, faultAt, dlqBefore, null);
    }

    private void report(String name, Map<UUID, Instant> acked, int failed, Instant faultAt, int dlqBefore,
                        String recoverOverride) throws Exception {
        Set<UUID> ids = acked.keySet();
        Set<UUID> stored = existing(ids);
        Map<UUID, Instant> recommended = recommended(ids);
        long published = ids.stream().filter(events.created::containsKey).count();
        long duplicated = ids.stream().mapToLong(id -> Math.max(0, events.created.getOrDefault(id, List.of()).size() - 1)).sum();
        long lost = ids.stream().filter(id -> !stored.contains(id) || !events.created.containsKey(id) || !recommended.containsKey(id)).count();
        String recover = "-";
        if (faultAt != null) {
            // Until the API acknowledged again, and until every person acknowledged after the fault had a result:
            // the longest a client or a person waited because of the fault.
            double untilAcked = acked.values().stream().filter(t -> t.isAfter(faultAt))
                    .map(t -> Duration.between(faultAt, t).toMillis() / 1000.0).min(Double::compare).orElse(Double.NaN);
            double longestWait = recommended.entrySet().stream().filter(e -> acked.get(e.getKey()).isAfter(faultAt))
                    .mapToDouble(e -> Duration.between(acked.get(e.getKey()), e.getValue()).toMillis() / 1000.0).max().orElse(Double.NaN);
            recover = String.format("%.1f", Math.max(untilAcked, longestWait));
        }
        if (recoverOverride != null) {
            recover = recoverOverride;
        }
        row(String.format("%-34s %6d %6d %9d %11d %5d %10d %8d %8s", name, ids.size(), stored.size(), published,
                recommended.size(), lost, duplicated, events.dlq.get() - dlqBefore, recover));
    }

    private java.util.Optional<Instant> lastComputed(Set<UUID> ids) throws Exception {
        return recommended(ids).values().stream().max(Instant::compareTo);
    }

    private Set<UUID> existing(Set<UUID> ids) throws Exception {
        Set<UUID> found = new HashSet<>();
        query("select id from person where id = any(?)", ids, r -> found.add((UUID) r.getObject(1)));
        return found;
    }

    private Map<UUID, Instant> recommended(Set<UUID> ids) throws Exception {
        Map<UUID, Instant> found = new HashMap<>();
        query("select person_id, computed_at from recommendation_set where person_id = any(?)", ids,
                r -> found.put((UUID) r.getObject(1), r.getTimestamp(2).toInstant()));
        return found;
    }

    private void row(String line) {
        table.add(line);
        System.out.println(line);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private void killPostgres() throws Exception {
        Path pidFile = work.resolve("postgres/data/postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        // The wrapper JVM only held the server; it goes too, and the restart starts a new one on the same data.
        servers.get("postgres").kill9();
    }

    private void stopAll() {
        List<Server> reverse = new ArrayList<>(servers.values());
        java.util.Collections.reverse(reverse);
        for (Server server : reverse) {
            try {
                server.stop();
            } catch (Exception e) {
                System.out.println("stopping " + server.name + ": " + e);
            }
        }
        events.stop();
    }

    private String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + command);
        }
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/inclusion", "postgres", "");
    }

    private long count(String sql) throws Exception {
        long[] value = new long[1];
        sql(sql, r -> value[0] = r.getLong(1));
        return value[0];
    }

    private void sql(String sql, Row row) throws Exception {
        try (Connection c = db(); var s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                row.accept(r);
            }
        }
    }

    private void query(String sql, Set<UUID> ids, Row row) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.accept(r);
                }
            }
        }
    }

    private static ObjectNode person(int i) {
        return BenchPersons.person(i, "Fault town");
    }

    private Response call(String method, String path, JsonNode body, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            // kept raw
        }
        return new Response(response.statusCode(), json, response.body(), response.headers());
    }

    private List<Response> concurrently(int n, Call call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call(index);
                }));
            }
            go.countDown();
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            try {
                responses.add(f.get());
            } catch (Exception e) {
                responses.add(new Response(0, null, e.toString(), null));
            }
        }
        return responses;
    }

    private record Response(int status, JsonNode body, String raw, java.net.http.HttpHeaders headers) {
    }

    private interface Call {
        Response call(int index) throws Exception;
    }

    private interface Row {
        void accept(ResultSet r) throws Exception;
    }

    private interface Fault {
        void run() throws Exception;
    }

    /** Reads the persons, catalogue and dead-letter topics from the start, for the whole battery. */
    private static final class Events {
        final Map<UUID, List<String>> created = new ConcurrentHashMap<>();
        final AtomicInteger catalogue = new AtomicInteger();
        final List<Instant> catalogueTimes = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger dlq = new AtomicInteger();
        volatile java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> onDlq = r -> { };
        private volatile boolean running = true;
        private Thread thread;

        void start(String bootstrap) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                        "group.id", "faults-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of("inclusion.persons.v1", "inclusion.catalogue.v1",
                            "inclusion.persons.v1.dlq", "inclusion.catalogue.v1.dlq"));
                    while (running) {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                            if (record.topic().endsWith(".dlq")) {
                                dlq.incrementAndGet();
                                onDlq.accept(record);
                            } else if (record.topic().equals("inclusion.catalogue.v1")) {
                                catalogue.incrementAndGet();
                                try {
                                    catalogueTimes.add(Instant.parse(JSON.readTree(record.value()).get("time").asText()));
                                } catch (Exception notAnEvent) {
                                    // counted, without a time
                                }
                            } else {
                                try {
                                    JsonNode event = JSON.readTree(record.value());
                                    if ("PERSON_CREATED".equals(event.path("type").asText())) {
                                        created.computeIfAbsent(UUID.fromString(event.get("subject").asText()),
                                                k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(event.get("id").asText());
                                    }
                                } catch (Exception notAnEvent) {
                                    // poison records of the poison scenario
                                }
                            }
                        }
                    }
                }
            });
        }

        void stop() {
            running = false;
        }
    }

    /** One process of the stack, started as deploy/local starts it, with its log in WORK_DIR/logs. */
    private final class Server {
        final String name;
        final String readyLine;
        final String healthUrl;
        final List<String> command;
        final Map<String, String> env;
        Process process;

        Server(String name, String readyLine, String healthUrl, List<String> command, Map<String, String> env) {
            this.name = name;
            this.readyLine = readyLine;
            this.healthUrl = healthUrl;
            this.command = command;
            this.env = env;
        }

        void start() throws Exception {
            Path log = work.resolve("logs").resolve(name + ".log");
            long offset = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not ready in 120 s; see " + log);
                }
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                if (text.length() > offset && text.substring((int) offset).contains(readyLine) && healthy()) {
                    return;
                }
                Thread.sleep(200);
            }
        }

        private boolean healthy() {
            if (healthUrl == null) {
                return true;
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(healthUrl)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        }

        void kill9() throws Exception {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        void stop() throws Exception {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    System.out.println(name + " did not stop in 30 s; killing it");
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
