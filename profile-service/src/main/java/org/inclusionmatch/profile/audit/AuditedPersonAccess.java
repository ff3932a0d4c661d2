package org.inclusionmatch.profile.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads or writes person data, or changes an organisation's webhook subscriptions: each call,
 * allowed or denied, writes one audit entry.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedPersonAccess {

    enum Operation { CREATE, READ, LIST, UPDATE, DELETE, EXPORT, IMPORT }

    Operation operation();

    /** What kind of person data: PERSON, RECOMMENDATIONS, MATCHING_VIEW, ... */
    String resource() default "PERSON";

    /**
     * Whether the path's {@code id} is a person's (false for enrolments and outcomes, whose person is in the response
     * body, and in the request body of a write: see {@link NamesPersons}).
     */
    boolean pathIdIsPerson() default true;
}
