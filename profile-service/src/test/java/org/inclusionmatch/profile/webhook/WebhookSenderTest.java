package org.inclusionmatch.profile.webhook;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.inclusionmatch.servers.testing.JwtTestResource;
import org.inclusionmatch.servers.testing.KafkaTestResource;
import org.inclusionmatch.servers.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender connects to the address it was given (pinned), with the URL's name as Host: no second DNS look-up. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(JwtTestResource.class)
class WebhookSenderTest {

    @Inject
    WebhookSender sender;

    @Test
    void theResolvedAddressIsPinnedAndTheUrlsNameIsTheHost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        AtomicReference<String> host = new AtomicReference<>();
        server.createContext("/", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            // .invalid never resolves (RFC 6761): the request reaches the receiver only through the pinned address
            URI url = URI.create("http://receiver.invalid:" + port + "/hook");
            WebhookSender.Result result = sender.send(url, InetAddress.getByName("127.0.0.1"), Map.of("webhook-id", "x"), "{}")
                    .toCompletionStage().toCompletableFuture().join();
            assertThat(result.statusCode()).isEqualTo(204);
            assertThat(host.get()).isEqualTo("receiver.invalid:" + port);
        } finally {
            server.stop(0);
        }
    }
}
