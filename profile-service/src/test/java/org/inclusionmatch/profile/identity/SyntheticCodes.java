package org.inclusionmatch.profile.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Synthetic personal codes for tests: the new form (32...), random digits, a valid check digit; each one remembered. */
public final class SyntheticCodes {

    private static final List<String> USED = new ArrayList<>();

    private SyntheticCodes() {
    }

    /** A fresh code, hyphenated after the sixth digit or not. */
    public static String next(boolean hyphen) {
        while (true) {
            StringBuilder digits = new StringBuilder("32");
            for (int i = 0; i < 8; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            int check = PersonalCode.checkDigit(digits + "0");
            if (check < 10) {
                String code = digits.append(check).toString();
                synchronized (USED) {
                    USED.add(code);
                }
                return hyphen ? code.substring(0, 6) + "-" + code.substring(6) : code;
            }
        }
    }

    /** Every code handed out in this JVM, as eleven digits. */
    public static List<String> used() {
        synchronized (USED) {
            return List.copyOf(USED);
        }
    }
}
