package org.inclusionmatch.worker.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "inclusion.matching")
public interface MatchingConfig {

    /** The default of {@link #zone()}, also the day-change schedule's when the zone is not configured. */
    String DEFAULT_ZONE = "Europe/Riga";

    /** How many recommendations each person gets. */
    @WithDefault("5")
    int topK();

    /** The day measures must be active on; today (in {@link #zone()}) unless set, which tests do. */
    Optional<LocalDate> evaluationDay();

    /** The zone whose calendar days decide which measures are active (and when the day-change re-match runs). */
    @WithDefault(DEFAULT_ZONE)
    ZoneId zone();

    /**
     * When the day-change re-match runs (a Quartz cron in {@link #zone()}), five minutes after midnight unless set;
     * "off" turns it off (a test that counts the results one process computed). Read by {@link DayChangeRematch}'s
     * {@code @Scheduled}, declared here so that the setting is checked like every other.
     */
    @WithDefault("0 5 0 * * ?")
    String dayChangeCron();

    /**
     * How long one eligibility rule may run for one person: a rule still running then is cut off and admits the
     * person not. Realistic rules take microseconds; this bounds what a hostile one can cost.
     */
    @WithDefault("100ms")
    Duration ruleDeadline();

    /** After this many cut-offs a rule is skipped (admits nobody) until the catalogue is read again. */
    @WithDefault("3")
    int ruleQuarantineAfter();

    /** Persons per page when a catalogue change re-matches the persons it can affect (at most 500, the API's limit). */
    @WithDefault("500")
    int rematchPageSize();

    /** Threads computing a re-match page; the machine's processors unless set. */
    Optional<Integer> rematchThreads();

    /**
     * The largest body of one batch store, in bytes; a page's results go in as few requests as keep under it (and
     * under the API's 500 results per request). Below the API's 1 MiB body limit, with room to spare.
     */
    @WithDefault("786432")
    int rematchStoreBytes();

    /**
     * Re-match pages in flight at once (computed and stored while the next page is read): enough to keep the API,
     * the database and this worker's processors all busy, each page's persons stored in one request of their own.
     */
    @WithDefault("3")
    int rematchPagesInFlight();

    default LocalDate today() {
        return evaluationDay().orElseGet(() -> LocalDate.now(zone()));
    }
}
