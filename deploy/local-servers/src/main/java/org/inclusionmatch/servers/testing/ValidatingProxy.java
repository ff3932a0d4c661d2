package org.inclusionmatch.servers.testing;

import org.inclusionmatch.servers.FreePort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Stoplight Prism ({@code prism proxy}, one of the npm tools of tools/node) in front of a running profile-service,
 * with an OpenAPI document: every call sent through {@link #url()} is forwarded to the service and checked on the wire,
 * and each request or response the document does not describe is logged as a violation ({@code --errors=false}: the
 * answer passes through unchanged, so a test sees what the service said and then fails on {@link #violations()}). A
 * validator this project did not write decides whether the contract is true, not the annotations that produced it.
 * Used by profile-service's journey tests, the generated clients' tests and the README walkthrough.
 */
public final class ValidatingProxy implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private final Process process;
    private final String url;
    private final Path logFile;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> onClose = new ArrayList<>();
    private volatile long lastLine = System.nanoTime();

    private ValidatingProxy(Process process, String url, Path logFile) {
        this.process = process;
        this.url = url;
        this.logFile = logFile;
    }

    /** The committed document partners generate their clients from: contracts/src/main/openapi/profile-service.json. */
    public static Path committedDocument() {
        return projectRoot().resolve("contracts/src/main/openapi/profile-service.json");
    }

    /**
     * Starts Prism on a free port of 127.0.0.1 in front of {@code serviceUrl} (scheme, host and port), validating
     * against {@code document}; its log is kept in {@code logFile} when it is closed.
     */
    public static ValidatingProxy start(Path document, String serviceUrl, Path logFile) throws IOException, InterruptedException {
        installNodeTools();
        Path run = projectRoot().resolve("tools/node/run.sh");
        int port = FreePort.pick();
        Process process = new ProcessBuilder("bash", run.toString(), "prism", "proxy", document.toAbsolutePath().toString(),
                serviceUrl, "--host", "127.0.0.1", "--port", String.valueOf(port), "--errors=false",
                // -Dinclusion.prism.verbose=debug logs each forwarded response too, when a violation needs its context
                "--verboseLevel", System.getProperty("inclusion.prism.verbose", "info"))
                .redirectErrorStream(true).start();
        // a test JVM that is killed or ends without close() takes Prism with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-prism"));
        ValidatingProxy proxy = new ValidatingProxy(process, "http://127.0.0.1:" + port, logFile);
        CountDownLatch listening = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("prism-log").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String plain = ANSI.matcher(line).replaceAll("");
                    proxy.log.add(plain);
                    proxy.lastLine = System.nanoTime();
                    if (plain.contains("Prism is listening")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        // Prism reads and dereferences the whole document before it listens: ~5-15 s on a busy 2-core machine
        if (!listening.await(90, TimeUnit.SECONDS)) {
            proxy.close();
            throw new IllegalStateException("Prism did not start within 90 s:\n" + String.join("\n", proxy.log));
        }
        return proxy;
    }

    /** Where to send the calls: http://127.0.0.1:PORT. */
    public String url() {
        return url;
    }

    public int port() {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** Every request or response the document does not describe, as Prism logged it so far. */
    public List<String> violations() {
        synchronized (log) {
            return log.stream().filter(line -> line.contains("Violation")).toList();
        }
    }

    /** The number of calls Prism forwarded, to show a journey went through it. */
    public long forwarded() {
        synchronized (log) {
            return log.stream().filter(line -> line.contains("Request received")).count();
        }
    }

    /**
     * Waits until Prism has logged {@code calls} forwarded calls and then until its log has been quiet for a second
     * (at most 20 s in all): it logs a response's violations just after the response, through an asynchronous logger,
     * so a test that asked at once could miss the last call's. Then {@link #violations()} holds every violation of
     * those calls.
     */
    public void awaitLogged(long calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline
                && (forwarded() < calls || System.nanoTime() - lastLine < TimeUnit.SECONDS.toNanos(1))) {
            Thread.sleep(100);
        }
    }

    /** Runs {@code action} when the proxy is closed (e.g. point a client back at the service). */
    public ValidatingProxy onClose(Runnable action) {
        onClose.add(action);
        return this;
    }

    /** Stops Prism and keeps its log in the log file, for the violations' context. */
    @Override
    public void close() {
        onClose.forEach(Runnable::run);
        try {
            synchronized (log) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                Files.write(logFile, log, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // only a convenience
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * The project's one npm installer, so that a test that runs Prism needs only a JDK, whichever module it is in and
     * whether or not the contracts module ran before (about 0.1 s when everything is installed).
     */
    private static void installNodeTools() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("bash", projectRoot().resolve("deploy/local/node-tools.sh").toString(), "--no-browser")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("deploy/local/node-tools.sh failed (its output is above)");
        }
    }

    /** The project's root: the first directory up from the working directory (a module's) that has tools/node. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/node/run.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no tools/node/run.sh above " + Path.of("").toAbsolutePath());
    }
}
