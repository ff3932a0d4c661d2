package org.inclusionmatch.profile.common.persistence;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: a writer thread takes every item waiting (up to a batch), writes them in one transaction and commits
 * once; each submitter's future completes with the commit that holds its item. With two writers or more, items that
 * arrive during one commit go into the next at once instead of waiting for it, so under a steady rate a submitter
 * waits about one commit, not two. When a batch fails, each item is written
 * alone, so that one bad item fails only its own submitter. For appends many threads make at a high rate (audit entries,
 * webhook attempts), where a transaction each would cost most of the CPU.
 */
public final class GroupCommit<T> {

    /** Writes a batch on a connection whose transaction the caller commits. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(Connection db, List<T> items) throws SQLException;
    }

    private record Pending<T>(T item, CompletableFuture<Void> written) {
    }

    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final AgroalDataSource dataSource;
    private final int batchMax;
    private final Writer<T> writer;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public GroupCommit(String threadName, AgroalDataSource dataSource, int batchMax, Writer<T> writer) {
        this(threadName, 1, dataSource, batchMax, writer);
    }

    public GroupCommit(String threadName, int writers, AgroalDataSource dataSource, int batchMax, Writer<T> writer) {
        this.dataSource = dataSource;
        this.batchMax = batchMax;
        this.writer = writer;
        for (int i = 0; i < Math.max(1, writers); i++) {
            threads.add(Thread.ofPlatform().name(threadName + "-" + i).daemon(true).start(this::writeLoop));
        }
    }

    /** Queues the item; the future completes when its commit does, or with why it could not be written. */
    public CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        queue.add(new Pending<>(item, written));
        return written;
    }

    /** Writes what is waiting, then stops. */
    public void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    private void writeLoop() {
        List<Pending<T>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchMax - 1);
                writeOrSplit(batch);
            } catch (InterruptedException e) {
                running = false;
            } catch (Throwable e) {
                batch.forEach(pending -> pending.written.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeOrSplit(List<Pending<T>> batch) {
        try {
            commit(batch.stream().map(Pending::item).toList());
            batch.forEach(pending -> pending.written.complete(null));
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().written.completeExceptionally(e);
            } else {
                batch.forEach(pending -> writeOrSplit(List.of(pending)));
            }
        }
    }

    private void commit(List<T> items) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                writer.write(db, items);
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }
}
