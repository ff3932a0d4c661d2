package org.inclusionmatch.profile.enrolment;

import org.inclusionmatch.profile.domain.InvalidInput;
import org.inclusionmatch.profile.measure.Measure;
import org.inclusionmatch.profile.person.Person;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the referrer tells the provider with a referral, beyond the ids: a contact for it, a message, and the needs
 * and goals it is meant to address. All optional. The formats and bounds are checked on the request (Bean
 * Validation); what needs the person and the measure is checked here, under the locks the referral takes, and
 * before anything is stored, so a refused referral changes nothing.
 * <p>
 * Needs and goals left out default to the person's that the measure addresses (a referral made through a decision
 * or an allocation round gets that default too); given ones must each be among the person's, since a referral never
 * tells the provider of a need the profile does not hold.
 */
public record ReferralTerms(EnrolmentRequests.Contact contact, String message, List<String> needs, List<String> goals) {

    /** The terms of a referral made without any: no contact, no message, the default needs and goals. */
    public static final ReferralTerms NONE = new ReferralTerms(null, null, null, null);

    /** One line of printable text: no control, format or unassigned characters and no line breaks. */
    private static final Pattern ONE_LINE = Pattern.compile("[^\\p{C}\\p{Zl}\\p{Zp}]*+");
    /** Text that may have line breaks and tabs, but no other control, format or unassigned characters. */
    private static final Pattern TEXT = Pattern.compile("(?:[^\\p{C}\\p{Zl}\\p{Zp}]|\\r|\\n|\\t)*+");

    /** These terms for this person and measure: checked, with the defaults filled in. */
    ReferralTerms resolve(Person person, Measure measure) {
        if (contact != null) {
            if (contact.name() != null && !ONE_LINE.matcher(contact.name()).matches()) {
                throw InvalidInput.field("contact.name", "must be printable text without control characters or line breaks");
            }
            if (blank(contact.email()) && blank(contact.phone())) {
                throw InvalidInput.field("contact", "needs an email or a phone");
            }
        }
        if (message != null && !TEXT.matcher(message).matches()) {
            throw InvalidInput.field("message", "must be text without control characters other than line breaks and tabs");
        }
        return new ReferralTerms(contact == null ? null : new EnrolmentRequests.Contact(contact.name().strip(),
                blank(contact.email()) ? null : contact.email().strip(), blank(contact.phone()) ? null : contact.phone().strip()),
                blank(message) ? null : message,
                among("needs", needs, listOf(person.needs), listOf(measure.needs)),
                among("goals", goals, listOf(person.goals), listOf(measure.goals)));
    }

    /** Puts resolved terms on a new enrolment. */
    void applyTo(Enrolment enrolment) {
        enrolment.contactName = contact == null ? null : contact.name();
        enrolment.contactEmail = contact == null ? null : contact.email();
        enrolment.contactPhone = contact == null ? null : contact.phone();
        enrolment.message = message;
        enrolment.needs = needs;
        enrolment.goals = goals;
    }

    /** The given codes, each among the person's (a 400 naming the first that is not); the default when none are given. */
    private static List<String> among(String field, List<String> given, List<String> persons, List<String> measures) {
        if (given == null) {
            return persons.stream().filter(measures::contains).distinct().toList();
        }
        for (int i = 0; i < given.size(); i++) {
            if (!persons.contains(given.get(i))) {
                throw InvalidInput.field(field + "[" + i + "]", "is not among the person's " + field);
            }
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private static List<String> listOf(List<String> codes) {
        return codes == null ? List.of() : new ArrayList<>(codes);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @Override
    public String toString() {
        return "ReferralTerms[...]"; // never the contact or the message
    }
}
