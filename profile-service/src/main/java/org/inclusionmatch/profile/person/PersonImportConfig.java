package org.inclusionmatch.profile.person;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The bulk person import ({@code POST /persons/import}). */
@ConfigMapping(prefix = "inclusion.person-import")
public interface PersonImportConfig {

    /** Records stored per transaction, with one look-up of their references and JDBC-batched writes. */
    @WithDefault("500")
    int batchSize();

    /** Lines one request may hold; the line after the last is a 413. */
    @WithDefault("200000")
    long maxLines();

    /** Bytes one NDJSON line may hold, a longer line is an error of that line; also the characters of one CSV cell (413 beyond). */
    @WithDefault("65536")
    int maxLineBytes();

    /** Bytes an XLSX body may hold (413 beyond). */
    @WithDefault("50M")
    MemorySize maxWorkbookBytes();

    /** Bytes an XLSX body's parts (the first sheet, its shared strings) may expand to (413 beyond: a zip bomb). */
    @WithDefault("256M")
    MemorySize maxWorkbookExpandedBytes();

    /**
     * Bytes an XLSX body's shared strings (the sheet's texts, each once) may expand to, within the above: they are all
     * held in memory while the sheet is read (413 beyond). 200,000 rows of distinct references need about 8 MiB.
     */
    @WithDefault("32M")
    MemorySize maxWorkbookSharedStringsBytes();

    /** Line errors listed in one answer; more are counted, and the list says it was cut. */
    @WithDefault("1000")
    int maxErrors();

    /** A progress line (counts only) every this many records. */
    @WithDefault("10000")
    long progressEvery();

    /** How long an all-or-nothing import, a single transaction, may take. */
    @WithDefault("30m")
    Duration atomicTimeout();
}
