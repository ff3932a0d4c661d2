package org.inclusionmatch.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver that takes each connection and request and never answers, on a plain socket so that it sees when the
 * sender gives up (the connection closes): it counts requests and the most connections held open at the same time.
 */
final class HangingReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    HangingReceiver() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    int requests() {
        return requests.get();
    }

    int mostOpen() {
        return mostOpen.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> hold(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads until the peer closes; the first bytes are a request, which is never answered. */
    private void hold(Socket socket) {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[8192];
            boolean counted = false;
            while (in.read(buffer) != -1) {
                if (!counted) {
                    requests.incrementAndGet();
                    counted = true;
                }
            }
        } catch (IOException e) {
            // closed
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
