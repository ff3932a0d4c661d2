package org.inclusionmatch.profile.common.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar a measure opens and closes by: the same key as the worker's ({@code inclusion.matching.zone}), so the
 * what-if and the open-data export call a measure active on the same day as matching does.
 */
@ConfigMapping(prefix = "inclusion.matching")
public interface MatchingCalendar {

    @WithDefault("Europe/Riga")
    ZoneId zone();

    default LocalDate today() {
        return LocalDate.now(zone());
    }
}
