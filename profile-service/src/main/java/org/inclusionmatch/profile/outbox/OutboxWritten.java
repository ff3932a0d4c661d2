package org.inclusionmatch.profile.outbox;

/** Fired when an outbox row is written; observed after the commit to wake the relay at once. */
public record OutboxWritten() {
}
