package org.inclusionmatch.profile.common.events;

/**
 * Something that happened to one aggregate, fired with CDI's synchronous {@code Event.fire} inside the transaction
 * that made the change, after the last change of that aggregate in it. Features only fire; one observer in the
 * outbox feature turns each event into the outbox rows it is published as, with the aggregate's version read after
 * the change is flushed. Which event becomes which published type is decided there, in one table.
 */
public interface DomainEvent {
}
