package org.inclusionmatch.profile.identity;

import org.inclusionmatch.profile.domain.InvalidInput;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Latvian personal code (personas kods): eleven digits, written with or without a hyphen after the sixth. Since
 * July 2017 new codes start with 32 and carry no date; older ones are DDMMYY, a century digit (0: 1800s, 1: 1900s,
 * 2: 2000s) and three more digits. Both end in the same check digit: (1101 - weighted sum of the first ten) mod 11.
 * <p>
 * The code is sensitive (it links records across organisations and, in the old form, holds the birth date): the
 * checks below never put it into a message, and {@link #toString()} never shows it.
 */
public final class PersonalCode {

    /** The form the API document states (ECMA-262), checked here again with the check digit. */
    public static final String PATTERN = "^[0-9]{6}-?[0-9]{5}$";
    public static final String RULE = "must be a Latvian personal code: 11 digits, optionally with a hyphen after the "
            + "sixth (DDMMYY-NNNNN or 32NNNN-NNNNN), with a valid check digit";

    private static final int[] WEIGHTS = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private final String digits;

    private PersonalCode(String digits) {
        this.digits = digits;
    }

    /** The code in its one canonical form (eleven digits), or a 400 naming {@code field} and the rule, never the value. */
    public static PersonalCode parse(String field, String value) {
        String digits = validDigits(value);
        if (digits == null) {
            throw InvalidInput.field(field, RULE);
        }
        return new PersonalCode(digits);
    }

    /** Whether {@code value} is a valid code, without a problem to throw. */
    public static boolean isValid(String value) {
        return validDigits(value) != null;
    }

    /** The canonical digits of a valid code, else null. */
    private static String validDigits(String value) {
        String digits = canonical(value);
        return digits != null && hasValidCheckDigit(digits) && hasValidDate(digits) ? digits : null;
    }

    /** Eleven digits if the value is written as DDMMYYNNNNN or DDMMYY-NNNNN (spaces around allowed), else null. */
    private static String canonical(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.length() == 12 && v.charAt(6) == '-') {
            v = v.substring(0, 6) + v.substring(7);
        }
        if (v.length() != 11) {
            return null;
        }
        for (int i = 0; i < 11; i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return null;
            }
        }
        return v;
    }

    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return Math.floorMod(1101 - sum, 11); // 10 has no digit: such a code is never issued
    }

    private static boolean hasValidCheckDigit(String digits) {
        return checkDigit(digits) == digits.charAt(10) - '0';
    }

    /** A new-form code (32...) holds no date; an old one must name a real day in its century. */
    private static boolean hasValidDate(String digits) {
        if (digits.startsWith("32")) {
            return true;
        }
        int century = digits.charAt(6) - '0';
        if (century > 2) {
            return false;
        }
        try {
            LocalDate.of(1800 + 100 * century + Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(2, 4)), Integer.parseInt(digits.substring(0, 2)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The canonical digits, for the keyed hash only. */
    String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalCode other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "PersonalCode[hidden]";
    }
}
