package org.inclusionmatch.profile.outbox;

import io.smallrye.config.ConfigMapping;
import org.inclusionmatch.contracts.events.EventType;

/** Topic names, configurable per environment ({@code inclusion.topics.*}). */
@ConfigMapping(prefix = "inclusion.topics")
public interface Topics {

    String persons();

    String catalogue();

    String recommendations();

    String enrolments();

    default String forType(EventType type) {
        return switch (type.aggregate()) {
            case PERSON -> persons();
            case PROGRAMME, MEASURE -> catalogue();
            case RECOMMENDATIONS -> recommendations();
            case ENROLMENT, ALLOCATION_ROUND -> enrolments();
        };
    }
}
