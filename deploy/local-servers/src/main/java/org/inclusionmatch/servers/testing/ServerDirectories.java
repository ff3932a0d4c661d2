package org.inclusionmatch.servers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The data a test JVM's own PostgreSQL or Kafka wrote: removed once the server has stopped, when the JVM exits, so
 * that target/ does not gain some 50 MB with every run (141 directories, 634 MB after a day's runs before this).
 */
public final class ServerDirectories {

    private ServerDirectories() {
    }

    /** A shutdown hook that stops the server, then deletes its directory. */
    public static void stopThenDeleteOnExit(AutoCloseable server, Path directory, String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                deleteRecursively(directory);
            } catch (Exception ignored) {
                // the JVM is going away: a directory left behind costs disk, nothing else
            }
        }, name));
    }

    /** Deletes the directory and everything in it; nothing when it does not exist. */
    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
