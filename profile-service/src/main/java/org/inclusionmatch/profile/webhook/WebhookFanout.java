package org.inclusionmatch.profile.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.inclusionmatch.contracts.webhooks.WebhookEvent;
import org.inclusionmatch.profile.common.events.DomainEvent;
import org.inclusionmatch.profile.enrolment.EnrolmentEvent;
import org.inclusionmatch.profile.measure.MeasureEvent;
import org.inclusionmatch.profile.person.PersonEvent;
import org.inclusionmatch.profile.programme.ProgrammeEvent;
import org.inclusionmatch.profile.recommendation.RecommendationEvent;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes a delivery row for each endpoint subscribed to a notice, in the transaction of the change it announces: what
 * the API acknowledged is never lost, and what rolls back is never sent. Observes the feature events partners subscribe
 * to (the outbox's recorder alone observes every domain event), after the recorder, which flushed, so the versions it
 * reads are the ones the rows have. One statement per notice, which writes nothing when the
 * organisation has no endpoint for it.
 */
@ApplicationScoped
public class WebhookFanout {

    private static final String INSERT = """
            insert into webhook_delivery (id, endpoint_id, message_id, event_type, payload, status, attempts, next_attempt_at, created_at)
            select gen_random_uuid(), e.id, m.id, m.type, m.payload, 'PENDING', 0, m.at, m.at
              from (select ? as id, cast(? as varchar) as type, ? as payload, ? as at) m
              join webhook_endpoint e on e.organisation_id = ? and e.status <> 'DISABLED'
                                     and m.type = any(e.event_types) and e.id <> ?""";
    private static final UUID NONE = new UUID(0, 0);
    private static final int AFTER_RECORDER = Interceptor.Priority.APPLICATION + 1000;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<DeliveriesWritten> written;

    public WebhookFanout(EntityManager entityManager, ObjectMapper json, Event<DeliveriesWritten> written) {
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
    }

    /** Fired when delivery rows are written; observed after the commit to wake the dispatcher at once. */
    public record DeliveriesWritten() {
    }

    // The feature events partners hear of, each observed after the outbox's recorder (default priority) has flushed.
    void onPerson(@Observes @Priority(AFTER_RECORDER) PersonEvent event) {
        fanOut(event);
    }

    void onRecommendations(@Observes @Priority(AFTER_RECORDER) RecommendationEvent event) {
        fanOut(event);
    }

    void onProgramme(@Observes @Priority(AFTER_RECORDER) ProgrammeEvent event) {
        fanOut(event);
    }

    void onMeasure(@Observes @Priority(AFTER_RECORDER) MeasureEvent event) {
        fanOut(event);
    }

    void onReferral(@Observes @Priority(AFTER_RECORDER) EnrolmentEvent event) {
        fanOut(event);
    }

    private void fanOut(DomainEvent event) {
        WebhookNotices.of(event).forEach(notice -> write(notice, NONE));
    }

    /** Writes the notice for every subscribed endpoint of its organisation but {@code except}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    int write(WebhookNotices.Notice notice, UUID except) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WebhookEvent body = new WebhookEvent(UUID.randomUUID(), notice.type(), now, notice.organisationId(),
                notice.subject(), notice.subjectVersion(), notice.status(), notice.reason());
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a webhook event", e);
        }
        // On the session's connection, not as a query of the session: a query would make Hibernate dirty-check every
        // entity in the persistence context first (auto-flush), and a bulk writer (the person import, a batch store)
        // fires hundreds of events with hundreds of entities in it (78% of the CPU of an import, JFR).
        int rows = entityManager.unwrap(Session.class).doReturningWork(db -> {
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                insert.setObject(1, body.id());
                insert.setString(2, notice.type().name());
                insert.setString(3, payload);
                insert.setObject(4, now.atOffset(ZoneOffset.UTC));
                insert.setObject(5, notice.organisationId());
                insert.setObject(6, except);
                return insert.executeUpdate();
            }
        });
        if (rows > 0) {
            written.fire(new DeliveriesWritten());
        }
        return rows;
    }
}
