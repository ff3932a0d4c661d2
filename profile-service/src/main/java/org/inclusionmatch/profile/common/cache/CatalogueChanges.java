package org.inclusionmatch.profile.common.cache;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the catalogue last changed, as a generation number that grows with each change this instance hears of: from
 * the database's {@code catalogue_changed} notifications (a trigger on each catalogue table sends one when a write
 * commits, whichever instance made it) and from its own commits ({@link CatalogueChange}). While the listening
 * connection is down a change could go unheard, so {@link #trusted()} is false and the cache is bypassed; after a
 * reconnect the generation moves on, since changes may have been missed.
 */
@ApplicationScoped
public class CatalogueChanges {

    private static final Logger LOG = Logger.getLogger(CatalogueChanges.class);
    static final String CHANNEL = "catalogue_changed";
    /** How long the listener waits for a notification before it checks that its connection is alive. */
    private static final int CHECK_MILLIS = 5_000;

    private final AtomicLong generation = new AtomicLong();
    private final PGSimpleDataSource database = new PGSimpleDataSource();
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    public CatalogueChanges(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        database.setUrl(url);
        user.ifPresent(database::setUser);
        password.ifPresent(database::setPassword);
        database.setApplicationName("inclusion-catalogue-changes");
        database.setTcpKeepAlive(true);
        database.setSocketTimeout(3 * CHECK_MILLIS / 1000); // a network that stops answering ends the wait, too
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().daemon().name("catalogue-changes").start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        listening = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do
            }
        }
        listener.interrupt();
    }

    /** A catalogue change this instance committed: heard at once, before the database's notification arrives. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChange change) {
        changed();
    }

    /** The current generation; a value cached under an earlier one is out of date. */
    public long generation() {
        return generation.get();
    }

    /** Whether every change is being heard, so that cached reads may be served. */
    public boolean trusted() {
        return listening;
    }

    void changed() {
        generation.incrementAndGet();
    }

    /** For tests of the cache without a database: as if the listener had (or had lost) its connection. */
    void listening(boolean listening) {
        this.listening = listening;
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection open = database.getConnection(); Statement statement = open.createStatement()) {
                connection = open;
                statement.execute("LISTEN " + CHANNEL);
                changed(); // whatever happened while nobody listened
                listening = true;
                backoff = 100;
                PGConnection notifications = open.unwrap(PGConnection.class);
                while (running) {
                    var heard = notifications.getNotifications(CHECK_MILLIS);
                    if (heard != null && heard.length > 0) {
                        changed();
                    } else {
                        statement.execute("select 1"); // a dead connection shows here, not in a silent wait
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf("Not hearing catalogue changes (%s); catalogue reads go to the database until the "
                            + "listener reconnects", e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
