package org.inclusionmatch.worker.messaging;

/** An event that can never be processed, however often it is retried: it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String reason) {
        super(reason);
    }
}
