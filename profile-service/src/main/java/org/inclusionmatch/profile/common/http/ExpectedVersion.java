package org.inclusionmatch.profile.common.http;

import org.inclusionmatch.profile.domain.StaleVersion;

/**
 * Optimistic concurrency as a rule of every versioned write: the version the caller last read (an If-Match value)
 * must be the current one. Framework-free, so services apply it; {@link Versions} is the HTTP side (the ETag).
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** Throws {@link StaleVersion} unless {@code expected} is absent, {@code *}, or names {@code currentVersion} (weak tags accepted). */
    public static void check(String expected, long currentVersion) {
        if (expected == null || expected.isBlank() || expected.trim().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (String tag : expected.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(current)) {
                return;
            }
        }
        throw new StaleVersion(currentVersion, expected);
    }
}
