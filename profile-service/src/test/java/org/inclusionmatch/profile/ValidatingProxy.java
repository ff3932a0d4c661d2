package org.inclusionmatch.profile;

import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Stoplight Prism ({@code prism proxy}, installed by deploy/local/node-tools.sh) in front of the service under test,
 * with the documents the service serves (partners' and internal, merged): every call sent through it is checked on
 * the wire against the contract, and
 * each request or response the document does not describe is a violation. A validator this project did not write
 * decides whether the contract is true, not the annotations. While it runs, RestAssured's port points at it, so the
 * tests' {@link Api} builders go through it.
 */
final class ValidatingProxy implements AutoCloseable {

    private static final Path RUN = Path.of("../tools/node/run.sh");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private final Process process;
    private final int servicePort;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private ValidatingProxy(Process process, int servicePort) {
        this.process = process;
        this.servicePort = servicePort;
    }

    /** Starts Prism in front of RestAssured's current port and points RestAssured at Prism. */
    static ValidatingProxy inFrontOfTheService() throws Exception {
        int servicePort = RestAssured.port;
        Path document = Path.of("target", "served-openapi.json").toAbsolutePath();
        // the partners' operations and the worker's (the journeys store recommendations as the worker does)
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Files.writeString(document, json.writeValueAsString(ContractDocuments.merge(
                json.readTree(served("/q/openapi")), json.readTree(served("/q/openapi-internal")))));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("bash", RUN.toString(), "prism", "proxy", document.toString(),
                "http://127.0.0.1:" + servicePort, "--host", "127.0.0.1", "--port", String.valueOf(port), "--errors=false")
                .redirectErrorStream(true).start();
        ValidatingProxy proxy = new ValidatingProxy(process, servicePort);
        CountDownLatch listening = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("prism-log").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    String plain = ANSI.matcher(line).replaceAll("");
                    proxy.log.add(plain);
                    if (plain.contains("Prism is listening")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        if (!listening.await(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
            proxy.close();
            throw new IllegalStateException("Prism did not start within 60 s:\n" + String.join("\n", proxy.log));
        }
        RestAssured.port = port;
        return proxy;
    }

    private static String served(String path) {
        return RestAssured.given().queryParam("format", "json").get(path).then().statusCode(200).extract().asString();
    }

    /** Every request or response the document does not describe, as Prism logged it so far. */
    List<String> violations() {
        synchronized (log) {
            return log.stream().filter(line -> line.contains("Violation")).toList();
        }
    }

    /** The number of calls Prism forwarded, to show the journey went through it. */
    long forwarded() {
        synchronized (log) {
            return log.stream().filter(line -> line.contains("Request received")).count();
        }
    }

    /** Keeps Prism's log beside the test reports (target/prism.log), for the violations' context. */
    @Override
    public void close() {
        RestAssured.port = servicePort;
        try {
            synchronized (log) {
                Files.write(Path.of("target", "prism.log"), log, StandardCharsets.UTF_8);
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
}
