package org.inclusionmatch.servers;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A commit the server acknowledged survives a kill -9 of every PostgreSQL process. */
class LocalPostgresDurabilityTest {

    private static final int ROWS = 500;

    @Test
    void acknowledgedCommitsSurviveKillMinus9() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path data = target.resolve("pg-durability-" + UUID.randomUUID());
        Path binaries = target.resolve("pg-binaries");
        int port = FreePort.pick();
        LocalPostgres first = LocalPostgres.start(data, binaries, port, true);
        String url = first.createDatabase("durability");
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement(); ResultSet settings = s.executeQuery(
                    "select string_agg(name || '=' || setting, ',' order by name) from pg_settings"
                            + " where name in ('fsync', 'synchronous_commit', 'full_page_writes')")) {
                settings.next();
                assertEquals("fsync=on,full_page_writes=on,synchronous_commit=on", settings.getString(1));
            }
            try (Statement s = c.createStatement()) {
                s.execute("create table acknowledged (n int primary key)");
            }
            // One commit per row, each acknowledged before the next: exactly what an API does per request.
            try (PreparedStatement insert = c.prepareStatement("insert into acknowledged values (?)")) {
                for (int n = 0; n < ROWS; n++) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                }
            }
        }
        killMinus9(data);
        try {
            first.close(); // only releases zonky's lock on the directory: the server is already gone
        } catch (Exception expected) {
            // pg_ctl stop finds no server
        }
        try (LocalPostgres second = LocalPostgres.start(data, binaries, port, true);
             Connection c = DriverManager.getConnection(second.createDatabase("durability"), "postgres", "");
             Statement s = c.createStatement(); ResultSet count = s.executeQuery("select count(*) from acknowledged")) {
            count.next();
            assertEquals(ROWS, count.getInt(1), "rows acknowledged before the kill -9 and still there after it");
        }
    }

    /** SIGKILL to the postmaster and every process under it, at once: no checkpoint, no flush of shared buffers. */
    private static void killMinus9(Path data) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        var children = handle.descendants().toList();
        handle.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        handle.onExit().get(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
    }
}
