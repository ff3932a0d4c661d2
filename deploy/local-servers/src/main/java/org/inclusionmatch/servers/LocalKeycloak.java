package org.inclusionmatch.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central, unpacked by this module's build into
 * target/keycloak) with the project's realm (deploy/keycloak) imported at start, as a process of its own. No Docker:
 * {@code kc.sh build} runs once per unpacked distribution (about 30 s), then every start is {@code start --optimized}.
 * Its database is an H2 file in the data directory given, so the local run keeps users and keys across restarts
 * and each test JVM starts from the realm file.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "inclusion-match";
    /** The build options; a start must use the same ones, and a change rebuilds (the marker names them). */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local", "--health-enabled=false",
            "--metrics-enabled=false");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path log;

    private LocalKeycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak on {@code port} (0 picks a free one) with its H2 database under {@code dataDir}, importing the
     * realm files of {@code realmDir} unless the realm exists already. {@code env} fills the realm files'
     * {@code ${VARIABLE}} placeholders (client secrets, the web origin); the process writes to {@code log}.
     */
    public static LocalKeycloak start(Path dataDir, int port, Path realmDir, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        Path home = distribution();
        buildOnce(home);
        copyRealm(realmDir, home.resolve("data/import"));
        int httpPort = port == 0 ? FreePort.pick() : port;
        Files.createDirectories(dataDir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--import-realm",
                "--db-url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
                "--hostname-strict=false", "--https-port=" + FreePort.pick()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Bounded heap: the sizing table in docs/performance.md counts on it.
        builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m");
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Process process = builder.start();
        LocalKeycloak keycloak = new LocalKeycloak(process, httpPort, log);
        try {
            keycloak.awaitRealm();
        } catch (IOException | InterruptedException | RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** The unpacked distribution: target/keycloak/keycloak-VERSION of this module, found from any module's directory. */
    public static Path distribution() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path unpacked = dir.resolve("deploy/local-servers/target/keycloak");
            if (Files.isDirectory(unpacked)) {
                try (Stream<Path> dists = Files.list(unpacked)) {
                    var home = dists.filter(d -> Files.isExecutable(d.resolve("bin/kc.sh"))).findFirst();
                    if (home.isPresent()) {
                        return home.get();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("No Keycloak distribution under deploy/local-servers/target/keycloak: build "
                + "deploy/local-servers first (./mvnw -pl deploy/local-servers process-resources unpacks it)");
    }

    /** The realm files the project ships: deploy/keycloak. */
    public static Path realmDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/" + REALM + "-realm.json"))) {
                return dir.resolve("deploy/keycloak");
            }
        }
        throw new IllegalStateException("no deploy/keycloak above " + Path.of("").toAbsolutePath());
    }

    /** {@code kc.sh build} once per distribution and build options; the marker file records the options built. */
    private static synchronized void buildOnce(Path home) throws IOException, InterruptedException {
        Path marker = home.resolve(".inclusion-match-built");
        String options = String.join(" ", BUILD_OPTIONS);
        if (Files.exists(marker) && Files.readString(marker).equals(options)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Path buildLog = home.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(buildLog.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build failed: " + Files.readString(buildLog));
        }
        Files.writeString(marker, options);
    }

    private static void copyRealm(Path realmDir, Path importDir) throws IOException {
        Files.createDirectories(importDir);
        try (Stream<Path> files = Files.list(realmDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, importDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void awaitRealm() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI discovery = URI.create(realmUrl() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited at start; its log: " + log.toAbsolutePath() + "\n"
                        + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** http://127.0.0.1:PORT */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer: http://127.0.0.1:PORT/realms/inclusion-match */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public long pid() {
        return process.pid();
    }

    /** The environment a start needs for the realm's placeholders, with the local run's development secrets. */
    public static Map<String, String> developmentSecrets(String webOrigin) {
        Map<String, String> env = new HashMap<>();
        env.put("INCLUSION_WEB_ORIGIN", webOrigin);
        env.put("INCLUSION_WORKER_CLIENT_SECRET", "dev-matching-worker-secret");
        env.put("INCLUSION_RBCAFE_CLIENT_SECRET", "dev-partner-rbcafe-secret");
        env.put("INCLUSION_LRC_CLIENT_SECRET", "dev-partner-lrc-secret");
        return env;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
