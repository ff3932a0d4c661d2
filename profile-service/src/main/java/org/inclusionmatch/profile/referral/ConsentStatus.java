package org.inclusionmatch.profile.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a consent stands, computed when read, so a withdrawal or a closed referral takes effect at once. */
@Schema(name = "ConsentStatus", description = "ACTIVE: shares its categories with the recipient. WITHDRAWN: the person "
        + "withdrew it. LAPSED: its referral reached a final status (or the recipient no longer provides the measure).")
public enum ConsentStatus {
    ACTIVE, WITHDRAWN, LAPSED
}
