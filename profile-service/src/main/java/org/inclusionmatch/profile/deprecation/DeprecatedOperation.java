package org.inclusionmatch.profile.deprecation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation (a resource method, or every operation of a resource class) as deprecated: each answer gets
 * {@code Deprecation} (RFC 9745, the day it was deprecated), {@code Sunset} (RFC 8594, the day it stops working) and
 * a {@code Link} to the notice. Put {@link Deprecated} beside it too, so the OpenAPI document says
 * {@code deprecated: true}. The policy (docs/partners.md, "API versions and deprecation"): the sunset is at least
 * {@link #MINIMUM_NOTICE_MONTHS} months after the deprecation; {@code DeprecationTest} refuses less.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeprecatedOperation {

    int MINIMUM_NOTICE_MONTHS = 6;

    /** The day it was deprecated, ISO 8601 ({@code 2026-11-23}). */
    String since();

    /** The day it stops working, ISO 8601; at least {@link #MINIMUM_NOTICE_MONTHS} months after {@link #since()}. */
    String sunset();

    /** Where the notice and the replacement are described, e.g. the CHANGELOG entry. */
    String link() default "https://github.com/inclusion-match/inclusion-match/blob/main/CHANGELOG.md";
}
