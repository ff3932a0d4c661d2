package org.inclusionmatch.profile.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.hibernate.StaleStateException;
import org.inclusionmatch.profile.audit.AuditedPersonAccess;
import org.inclusionmatch.profile.audit.PersonWritesLog;
import org.inclusionmatch.profile.common.events.FlushedEvents;
import org.inclusionmatch.profile.common.persistence.Records;
import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemMappers;
import org.inclusionmatch.profile.domain.DomainException;
import org.inclusionmatch.profile.domain.InvalidRequest;
import org.inclusionmatch.profile.domain.OverLimit;
import org.inclusionmatch.profile.organisation.Organisation;
import org.inclusionmatch.profile.person.ImportReport.LineError;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The bulk import of persons by their {@code externalRef}: NDJSON read line by line, each line checked exactly as a
 * {@code POST /persons} body, the good ones stored in batches (one transaction, one look-up of the references and
 * JDBC-batched writes per batch). An unknown reference is created, a known one updated when anything differs and
 * left alone when nothing does, so importing a file again changes nothing. Each created or updated person gets
 * the event and the audit entry a single create or update would have written.
 * <p>
 * By default each batch commits on its own and refused lines are reported; with {@code atomic} the whole import
 * is one transaction that stores nothing if any line is refused. Nothing of a line is logged: progress lines
 * carry counts only.
 */
@ApplicationScoped
public class PersonImport {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The formats the import reads, by media type. */
    public enum Format {
        NDJSON(PersonImport.NDJSON), CSV(PersonImport.CSV), XLSX(PersonImport.XLSX);

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }
    private static final Logger LOG = Logger.getLogger(PersonImport.class);

    private final ObjectMapper json;
    private final ObjectReader lineReader;
    private final Validator validator;
    private final PersonImportConfig config;
    private final EntityManager entityManager;
    private final Event<PersonEvent> events;
    private final Event<PersonChanges.MatchingWithdrawn> matchingWithdrawn;
    private final PersonWritesLog audit;
    private final PersonIdentities identities;
    private final ProblemMappers problems = new ProblemMappers();
    private final Map<String, Counter> records = new HashMap<>();

    public PersonImport(ObjectMapper json, Validator validator, PersonImportConfig config, EntityManager entityManager,
                        Event<PersonEvent> events, Event<PersonChanges.MatchingWithdrawn> matchingWithdrawn,
                        PersonWritesLog audit, PersonIdentities identities, MeterRegistry metrics) {
        this.json = json;
        this.lineReader = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
        this.config = config;
        this.entityManager = entityManager;
        this.events = events;
        this.matchingWithdrawn = matchingWithdrawn;
        this.audit = audit;
        this.identities = identities;
        for (String result : List.of("created", "updated", "unchanged", "rejected")) {
            records.put(result, Counter.builder("inclusion_import_records").tag("result", result)
                    .description("Person import records by result, counted when committed").register(metrics));
        }
    }

    /** What an import did; {@code stored} is false when an all-or-nothing import was refused and rolled back. */
    public record Outcome(ImportReport report, boolean stored) {
    }

    /**
     * Imports a body in one of the formats. With {@code dryRun} every record is checked and looked up exactly as by
     * the import itself, and every batch's transaction is rolled back: the report says what would happen, nothing is
     * stored, no event, audit entry or counted metric is written.
     */
    public Outcome importPersons(UUID organisationId, PersonWritesLog.Writer writer, Format format, InputStream body,
                                 boolean atomic, boolean dryRun) {
        Records.reference(Organisation.class, organisationId, "organisationId"); // as POST /persons: 400 if it is gone
        RecordSource records = open(format, body); // a bad header or an unreadable workbook: 400 before anything
        Run run = new Run(organisationId, writer, atomic, dryRun);
        if (!atomic || dryRun) {
            read(run, records);
            run.log("done");
            return new Outcome(run.report(), true);
        }
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.atomicTimeout().toSeconds()).run(() -> {
                read(run, records);
                if (run.rejected > 0) {
                    throw new RolledBack();
                }
            });
        } catch (RuntimeException e) {
            RuntimeException cause = e instanceof QuarkusTransactionException && e.getCause() instanceof RuntimeException inner ? inner : e;
            if (!(cause instanceof RolledBack)) {
                throw cause;
            }
            run.created = run.updated = run.unchanged = 0;
            run.log("refused, nothing stored");
            run.counted("rejected", run.rejected);
            return new Outcome(run.report(), false);
        }
        run.log("done");
        run.countAll();
        return new Outcome(run.report(), true);
    }

    private RecordSource open(Format format, InputStream body) {
        try {
            return switch (format) {
                case NDJSON -> new NdjsonRecords(body, lineReader, config.maxLineBytes());
                case CSV -> new CsvRecords(body, config.maxLineBytes());
                case XLSX -> new XlsxRecords(body, config.maxWorkbookBytes().asLongValue(), config.maxWorkbookExpandedBytes().asLongValue(),
                        config.maxWorkbookSharedStringsBytes().asLongValue());
            };
        } catch (IOException e) {
            throw new InvalidRequest("The body could not be read to its end (" + e.getClass().getSimpleName()
                    + ") after record " + 0 + "; nothing was stored");
        }
    }

    /** Ends an all-or-nothing import with refused lines, or a batch of a dry run: the transaction rolls back. */
    private static final class RolledBack extends RuntimeException {
        final transient Stored stored;

        RolledBack() {
            this(null);
        }

        RolledBack(Stored stored) {
            super(null, null, false, false);
            this.stored = stored;
        }
    }

    /**
     * Reads and checks the lines on a thread of its own while this one stores batches, so that parsing and
     * validation (CPU) overlap the batch writes (waiting for PostgreSQL) and the wait for the next chunk of the
     * body. The queue between them is bounded: memory stays at a few batches of lines.
     */
    private void read(Run run, RecordSource records) {
        LineChecker checker = new LineChecker(records);
        try {
            while (true) {
                Object item = checker.next();
                if (item instanceof Line line) {
                    run.received++;
                    if (line.error() != null) {
                        run.reject(line.error());
                    } else {
                        run.pending.add(line);
                        if (run.pending.size() >= config.batchSize()) {
                            store(run);
                        }
                    }
                    if (run.received % config.progressEvery() == 0) {
                        run.log("in progress");
                    }
                } else if (item == LineChecker.END) {
                    break;
                } else if (item == LineChecker.TOO_MANY_LINES) {
                    store(run);
                    throw new OverLimit(tooManyLines(run));
                } else if (item instanceof IOException e) {
                    // The client stopped sending or the body could not be read: what was committed stays, as after a 413.
                    throw new InvalidRequest("The body could not be read to its end (" + e.getClass().getSimpleName()
                            + ") after record " + run.received + "; " + (run.atomic || run.dryRun ? "nothing was stored" : run.storedSoFar()));
                } else if (item instanceof RuntimeException e) {
                    throw e;
                } else {
                    throw new IllegalStateException("Line checker failed", (Throwable) item);
                }
            }
        } finally {
            checker.stop();
        }
        store(run);
    }

    /** The reading and checking thread of one import; hands over checked lines, then one of its markers. */
    private final class LineChecker implements Runnable {
        static final Object END = new Object();
        static final Object TOO_MANY_LINES = new Object();

        private final RecordSource records;
        private final BlockingQueue<Object> checked = new ArrayBlockingQueue<>(2 * config.batchSize());
        private final Map<String, Long> seen = new HashMap<>(); // this thread's only: externalRef -> first line
        private final Thread thread;

        LineChecker(RecordSource records) {
            this.records = records;
            this.thread = new Thread(this, "person-import-reader");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try (records) {
                while (records.next()) {
                    if (records.number() > config.maxLines()) {
                        checked.put(TOO_MANY_LINES);
                        return;
                    }
                    if (!records.blank()) {
                        checked.put(parse(seen, records));
                    }
                }
                checked.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped: the import ended early
            } catch (IOException | RuntimeException | Error e) {
                checked.offer(e);
            }
        }

        Object next() {
            try {
                Object item = checked.poll(config.atomicTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    throw new IllegalStateException("The import's line reader gave nothing in time");
                }
                return item;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for lines", e);
            }
        }

        void stop() {
            thread.interrupt();
        }
    }

    private String tooManyLines(Run run) {
        return "The import holds more than " + config.maxLines() + " lines and stopped there; "
                + (run.atomic || run.dryRun ? "nothing was stored" : run.storedSoFar()) + ". Send the rest in another request.";
    }

    /** Stores the pending lines: in a transaction of their own, or in the all-or-nothing import's. */
    private void store(Run run) {
        List<Line> batch = List.copyOf(run.pending);
        run.pending.clear();
        if (batch.isEmpty()) {
            return;
        }
        if (run.dryRun) {
            run.add(tryOut(run, batch));
            return;
        }
        if (run.atomic) {
            if (run.rejected == 0) { // after a refused line nothing will be kept: only check the rest
                run.add(write(run, batch));
                entityManager.clear();
            }
            return;
        }
        try {
            Stored stored = QuarkusTransaction.requiringNew().call(() -> write(run, batch));
            run.add(stored);
            run.countBatch(stored);
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e instanceof QuarkusTransactionException && e.getCause() instanceof RuntimeException inner ? inner : e;
            }
            // A person created or changed meanwhile by another request: store the batch line by line to find it.
            for (Line line : batch) {
                try {
                    Stored stored = QuarkusTransaction.requiringNew().call(() -> write(run, List.of(line)));
                    run.add(stored);
                    run.countBatch(stored);
                } catch (RuntimeException single) {
                    if (!isConflict(single)) {
                        throw single instanceof QuarkusTransactionException && single.getCause() instanceof RuntimeException inner ? inner : single;
                    }
                    run.reject(new LineError(line.number(), line.externalRef(),
                            "externalRef: another request created or changed this person at the same time; import the line again",
                            List.of(new Problem.Violation("externalRef", "was written by another request at the same time"))));
                }
            }
        }
    }

    /**
     * A dry run's batch: written exactly as the import writes it, in a transaction of its own that is then rolled
     * back, so the counts are the import's own and nothing stays (persons, events, outbox rows, audit entries).
     */
    private Stored tryOut(Run run, List<Line> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Stored stored = write(run, batch);
                throw new RolledBack(stored);
            });
        } catch (RuntimeException e) {
            RuntimeException cause = e instanceof QuarkusTransactionException && e.getCause() instanceof RuntimeException inner ? inner : e;
            if (cause instanceof RolledBack rolledBack && rolledBack.stored != null) {
                return rolledBack.stored;
            }
            throw cause;
        }
        throw new IllegalStateException("A dry run's batch was not rolled back");
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** One batch in the current transaction: one look-up of its references, then writes the database gets in JDBC batches. */
    private Stored write(Run run, List<Line> batch) {
        Organisation organisation = entityManager.getReference(Organisation.class, run.organisationId);
        Map<String, Person> known = entityManager.createQuery(
                        "select p from Person p where p.organisation.id = :organisation and p.externalRef in :refs", Person.class)
                .setParameter("organisation", run.organisationId)
                .setParameter("refs", batch.stream().map(Line::externalRef).toList())
                .getResultStream().collect(Collectors.toMap(p -> p.externalRef, p -> p));
        Map<String, Person> byIdentity = holdersOf(run.organisationId, batch);
        List<Person> created = new ArrayList<>();
        List<Person> updated = new ArrayList<>();
        List<Person> withdrawn = new ArrayList<>();
        List<PersonWritesLog.Written> written = new ArrayList<>();
        List<LineError> refused = new ArrayList<>();
        long unchanged = 0;
        for (Line line : batch) {
            Person person = known.get(line.externalRef());
            Person holder = line.identity().present() ? byIdentity.get(hex(line.identity().link().value())) : null;
            if (person == null && holder != null && holder.externalRef == null) {
                person = holder; // found by the code: a person created without a reference gets this one
            }
            if (holder != null && holder != person) {
                // The code is another record's: the same person under another reference, or a typing error.
                refused.add(new LineError(line.number(), line.externalRef(), "personalCode is already recorded for person "
                        + holder.id + " of your organisation" + (holder.externalRef == null ? "" : " (externalRef " + holder.externalRef + ")"),
                        List.of(new Problem.Violation("personalCode", "is already recorded for person " + holder.id))));
                continue;
            }
            if (person == null) {
                person = new Person();
                person.organisation = organisation;
                PersonService.apply(line.request(), person);
                PersonIdentities.set(person, line.identity()).ifPresent(written::add);
                person.persist();
                created.add(person);
                continue;
            }
            Person wanted = new Person();
            PersonService.apply(line.request(), wanted);
            boolean sameCode = !line.identity().present() || line.identity().matches(person.identityLink)
                    && person.identityLayers == line.identity().link().layers();
            if (sameCode && sameProfile(person, wanted)) {
                unchanged++;
                continue;
            }
            boolean wasMatchable = person.matchingAllowed;
            PersonIdentities.set(person, line.identity()).ifPresent(written::add);
            PersonService.apply(line.request(), person);
            updated.add(person);
            if (wasMatchable && !person.matchingAllowed) {
                withdrawn.add(person);
            }
        }
        entityManager.flush(); // every insert and update of the batch, so the events below read the new versions
        FlushedEvents.fireAfterFlush(() -> {
            created.forEach(person -> events.fire(new PersonEvent.Created(person)));
            updated.forEach(person -> events.fire(new PersonEvent.Updated(person)));
        });
        withdrawn.forEach(person -> matchingWithdrawn.fire(new PersonChanges.MatchingWithdrawn(person)));
        created.forEach(p -> written.add(new PersonWritesLog.Written(p.id, AuditedPersonAccess.Operation.CREATE)));
        updated.forEach(p -> written.add(new PersonWritesLog.Written(p.id, AuditedPersonAccess.Operation.UPDATE)));
        audit.append(run.writer, written);
        entityManager.flush(); // the outbox rows, in JDBC batches
        return new Stored(created.size(), updated.size(), unchanged, refused);
    }

    /** The organisation's persons holding a code of the batch, by the hex of the code's full link; one query. */
    private Map<String, Person> holdersOf(UUID organisationId, List<Line> batch) {
        Map<String, String> fullLinkOf = new HashMap<>(); // any candidate value -> the code's full link
        for (Line line : batch) {
            if (line.identity().present()) {
                String full = hex(line.identity().link().value());
                line.identity().candidates().forEach(c -> fullLinkOf.put(hex(c), full));
            }
        }
        if (fullLinkOf.isEmpty()) {
            return Map.of();
        }
        Map<String, Person> holders = new HashMap<>();
        entityManager.createQuery("select p from Person p where p.organisation.id = :organisation and p.identityLink in :links", Person.class)
                .setParameter("organisation", organisationId)
                .setParameter("links", fullLinkOf.keySet().stream().map(h -> HexFormat.of().parseHex(h)).toList())
                .getResultStream().forEach(p -> holders.put(fullLinkOf.get(hex(p.identityLink)), p));
        return holders;
    }

    private static String hex(byte[] value) {
        return HexFormat.of().formatHex(value);
    }

    /** Whether the stored person already holds everything the import line says (fields as PersonService.apply sets them). */
    static boolean sameProfile(Person stored, Person wanted) {
        return stored.role == wanted.role && stored.archetype == wanted.archetype && stored.birthYear == wanted.birthYear
                && stored.gender == wanted.gender && stored.region == wanted.region
                && Objects.equals(stored.municipality, wanted.municipality)
                && Objects.equals(stored.targetGroups, wanted.targetGroups) && Objects.equals(stored.needs, wanted.needs)
                && Objects.equals(stored.goals, wanted.goals) && Objects.equals(stored.languages, wanted.languages)
                && stored.legalBasis == wanted.legalBasis && Objects.equals(stored.consentDate, wanted.consentDate)
                && Objects.equals(stored.legalReference, wanted.legalReference)
                && stored.matchingAllowed == wanted.matchingAllowed && Objects.equals(stored.externalRef, wanted.externalRef);
    }

    /** Reads one line as POST /persons reads its body: JSON, then the annotations, then the service's rules. */
    private Line parse(Map<String, Long> seen, RecordSource records) {
        long number = records.number();
        JsonNode node;
        try {
            node = records.read();
        } catch (RecordSource.Unreadable e) {
            return Line.refused(number, null, e.getMessage(), e.violations);
        }
        if (node == null || !node.isObject()) {
            return Line.refused(number, null, "The line must be a JSON object: a person as for POST /persons, with an externalRef",
                    List.of(new Problem.Violation("body", "must be a JSON object")));
        }
        String ref = readableRef(node.get("externalRef"));
        if (ref != null) {
            Long first = seen.putIfAbsent(ref, number);
            if (first != null) {
                return Line.refused(number, ref, "externalRef appears on line " + first + " already; each person may appear once per import",
                        List.of(new Problem.Violation("externalRef", "appears on line " + first + " already")));
            }
        }
        PersonRequest request;
        try {
            request = json.treeToValue(node, PersonRequest.class);
        } catch (JsonProcessingException e) {
            Problem problem = (Problem) problems.json(e).getEntity();
            return Line.refused(number, ref, problem.detail(), problem.violations());
        } catch (IllegalArgumentException e) {
            return Line.refused(number, ref, "The line could not be read as a person", List.of());
        }
        Set<ConstraintViolation<PersonRequest>> invalid = validator.validate(request);
        List<Problem.Violation> violations = new ArrayList<>();
        if (!invalid.isEmpty()) {
            violations.addAll(((Problem) problems.validation(new ConstraintViolationException(invalid)).getEntity()).violations());
        }
        if (request.externalRef() == null) {
            violations.add(new Problem.Violation("externalRef", "is required in an import"));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            return Line.refused(number, ref, violations.stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")), violations);
        }
        PersonIdentities.Given identity;
        try {
            PersonService.apply(request, new Person());
            identity = identities.given(request); // checked and linked on this thread: the HMACs overlap the writes
        } catch (DomainException e) {
            Problem problem = ProblemMappers.problemOf(e);
            return Line.refused(number, ref, problem.detail(), problem.violations());
        }
        if (identity.present()) {
            Long first = seen.putIfAbsent("personalCode:" + hex(identity.link().value()), number);
            if (first != null) {
                return Line.refused(number, ref, "personalCode appears on line " + first + " already; each person may appear once per import",
                        List.of(new Problem.Violation("personalCode", "appears on line " + first + " already")));
            }
        }
        return new Line(number, request.externalRef(), request, identity, null);
    }

    /** The line's reference as the caller sent it, if it is one (to name the line in an error), else null. */
    private static String readableRef(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String ref = value.textValue();
        return ref.length() <= 64 && PersonRequest.EXTERNAL_REF.matcher(ref).matches() ? ref : null;
    }

    record Line(long number, String externalRef, PersonRequest request, PersonIdentities.Given identity, LineError error) {
        static Line refused(long number, String externalRef, String detail, List<Problem.Violation> violations) {
            return new Line(number, externalRef, null, PersonIdentities.Given.NONE, new LineError(number, externalRef, detail, violations));
        }
    }

    /** What one batch stored, and its lines refused only when stored (a code another record of the organisation has). */
    private record Stored(long created, long updated, long unchanged, List<LineError> refused) {
    }

    /** The state of one import: counts, the refused lines, the references seen, the lines waiting for their batch. */
    private final class Run {
        final UUID organisationId;
        final PersonWritesLog.Writer writer;
        final boolean atomic;
        final boolean dryRun;
        final List<Line> pending = new ArrayList<>();
        final List<ImportReport.LineError> errors = new ArrayList<>();
        long received;
        long created;
        long updated;
        long unchanged;
        long rejected;

        Run(UUID organisationId, PersonWritesLog.Writer writer, boolean atomic, boolean dryRun) {
            this.organisationId = organisationId;
            this.writer = writer;
            this.atomic = atomic;
            this.dryRun = dryRun;
        }

        void reject(LineError error) {
            rejected++;
            if (errors.size() < config.maxErrors()) {
                errors.add(error);
            }
            if (!atomic && !dryRun) {
                counted("rejected", 1);
            }
        }

        void add(Stored stored) {
            stored.refused().forEach(this::reject);
            created += stored.created();
            updated += stored.updated();
            unchanged += stored.unchanged();
        }

        void countBatch(Stored stored) {
            counted("created", stored.created());
            counted("updated", stored.updated());
            counted("unchanged", stored.unchanged());
        }

        void countAll() {
            countBatch(new Stored(created, updated, unchanged, List.of()));
            counted("rejected", rejected);
        }

        void counted(String result, long count) {
            if (count > 0) {
                records.get(result).increment(count);
            }
        }

        String storedSoFar() {
            return "the lines before were imported: " + created + " created, " + updated + " updated, "
                    + unchanged + " unchanged, " + rejected + " rejected";
        }

        void log(String state) {
            LOG.infof("Person import %s%s: %d records, %d created, %d updated, %d unchanged, %d rejected", state,
                    dryRun ? " (dry run)" : atomic ? " (atomic)" : "", received, created, updated, unchanged, rejected);
        }

        ImportReport report() {
            errors.sort(Comparator.comparingLong(LineError::line)); // a code found taken when stored comes late
            return new ImportReport(received, created, updated, unchanged, rejected, List.copyOf(errors),
                    rejected > errors.size(), dryRun);
        }
    }
}
