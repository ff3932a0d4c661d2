package org.inclusionmatch.profile.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed POST, non-blocking (Vert.x), so a receiver that never answers holds a connection and a timer, no
 * thread. The connection goes to the address {@link TargetPolicy} resolved and checked (pinned: no second look-up a DNS
 * answer could change in between), while the Host header, TLS SNI and certificate check use the URL's name. Redirects are
 * never followed; the whole attempt has a deadline; at most {@link #EXCERPT_BYTES} of the answer are kept.
 */
@ApplicationScoped
public class WebhookSender {

    static final int EXCERPT_BYTES = 256;

    /** What one attempt came to: a status code, or an error (no answer); a short excerpt of the answer. */
    record Result(Integer statusCode, String error, String excerpt) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final long requestTimeoutMillis;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.requestTimeoutMillis = config.dispatch().requestTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.dispatch().connectTimeout().toMillis())
                .setMaxPoolSize(config.dispatch().perEndpointConcurrency())
                .setKeepAlive(true)
                .setVerifyHost(true)
                .setTryUseCompression(false)
                .setMaxRedirects(0));
    }

    Future<Result> send(URI url, InetAddress pinned, Map<String, String> headers, String body) {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = TargetPolicy.port(url);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, pinned.getHostAddress()))
                .setHost(url.getHost()).setPort(port).setSsl(https)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(requestTimeoutMillis);
        headers.forEach(options::putHeader);
        options.putHeader("content-type", "application/json");
        Promise<Result> result = Promise.promise();
        long deadline = vertx.setTimer(requestTimeoutMillis, id -> result.tryFail(new TimeoutException()));
        client.request(options).onSuccess(request -> {
            // On the deadline, drop the connection too, so a receiver that trickles bytes holds nothing of ours.
            result.future().onFailure(failure -> request.reset(0, failure));
            exchange(request, body).onComplete(done -> {
                if (done.succeeded()) {
                    result.tryComplete(done.result());
                } else {
                    result.tryFail(done.cause());
                }
            });
        }).onFailure(result::tryFail);
        return result.future().eventually(() -> {
            vertx.cancelTimer(deadline);
            return Future.succeededFuture();
        }).recover(failure -> Future.succeededFuture(new Result(null, describe(failure), null)));
    }

    private static Future<Result> exchange(HttpClientRequest request, String body) {
        return request.send(Buffer.buffer(body, StandardCharsets.UTF_8.name())).compose(response -> {
            Buffer excerpt = Buffer.buffer();
            response.handler(chunk -> {
                int room = EXCERPT_BYTES - excerpt.length();
                if (room > 0) {
                    excerpt.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                }
            });
            return response.end().map(done -> new Result(response.statusCode(), null, text(excerpt)));
        });
    }

    private static String text(Buffer excerpt) {
        String text = excerpt.toString(StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ").strip();
        return text.isEmpty() ? null : text.length() > EXCERPT_BYTES ? text.substring(0, EXCERPT_BYTES) : text;
    }

    /** The kind of failure only (a message could quote the receiver). */
    static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return name.contains("Timeout") ? "timeout" : name.isEmpty() ? "error" : name;
    }

    void onStop(@Observes ShutdownEvent event) {
        client.close();
    }
}
