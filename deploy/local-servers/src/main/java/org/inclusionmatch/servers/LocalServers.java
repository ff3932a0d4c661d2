package org.inclusionmatch.servers;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one server in the foreground until the process is told to stop (SIGTERM), for deploy/local:
 * <pre>
 *   LocalServers postgres DATA_DIR PORT DATABASE
 *   LocalServers kafka DATA_DIR PORT
 * </pre>
 * Data survives a restart. Prints one line starting with READY once the server takes connections.
 */
public final class LocalServers {

    private LocalServers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalServers postgres DATA_DIR PORT DATABASE | kafka DATA_DIR PORT");
            System.exit(2);
        }
        Path data = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        AutoCloseable server;
        switch (args[0]) {
            case "postgres" -> {
                LocalPostgres pg = LocalPostgres.start(data.resolve("data"), data.resolve("binaries"), port, true);
                String url = pg.createDatabase(args.length > 3 ? args[3] : "inclusion");
                server = pg;
                System.out.println("READY postgres " + url);
            }
            case "kafka" -> {
                LocalKafka kafka = LocalKafka.start(data, port, 3);
                server = kafka;
                System.out.println("READY kafka " + kafka.bootstrapServers());
            }
            default -> {
                System.err.println("unknown server: " + args[0]);
                System.exit(2);
                return;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("while stopping " + args[0] + ": " + e);
            } finally {
                stopped.countDown();
            }
        }, "stop-" + args[0]));
        stopped.await();
    }
}
