package org.inclusionmatch.profile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP receiver on loopback for webhook tests: records every request and answers as told. */
final class WebhookReceiver implements AutoCloseable {

    enum Mode {
        /** 204 to everything. */
        OK,
        /** 503 to everything: the receiver is "down". */
        DOWN,
        /** 302 to another path, which must never be asked for. */
        REDIRECT
    }

    /** One request as it arrived. */
    record Received(String path, String host, String id, String timestamp, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void mode(Mode next) {
        mode.set(next);
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests answered with a 2xx. */
    List<Received> accepted() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Mode now = mode.get();
        int status = switch (now) {
            case OK -> 204;
            case DOWN -> 503;
            case REDIRECT -> 302;
        };
        var headers = exchange.getRequestHeaders();
        received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("Host"), headers.getFirst("webhook-id"),
                headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"), body, status));
        if (now == Mode.REDIRECT) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
        }
        byte[] answer = (now == Mode.DOWN ? "down for maintenance " + "x".repeat(1000) : "").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
