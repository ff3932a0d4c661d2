package org.inclusionmatch.profile.enrolment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Answer times of referrals ({@code inclusion.referrals.*}). The two intervals are also read by the
 * {@code @Scheduled} expressions of {@link ReferralExpiry} and {@link OverdueReferrals}.
 */
@ConfigMapping(prefix = "inclusion.referrals")
public interface ReferralConfig {

    /** The longest answer time a measure may set, and the latest answer-by date a referral may ask for, in days. */
    int MAX_ANSWER_DAYS = 90;

    /**
     * Days a provider has to answer a referral to a measure that sets no answer time of its own. Set in
     * application.properties (10), where {@code MeasureService} reads it too, to show a measure's answer time.
     */
    @Min(1)
    @Max(MAX_ANSWER_DAYS)
    int defaultAnswerDays();

    /**
     * The earliest answer-by date a referrer may ask for, from now: a referral cannot be made to expire before the
     * provider could reasonably see it. Short in tests.
     */
    @WithDefault("24h")
    Duration minAnswerTime();

    /** How often the expiry job looks for referrals past their answer-by date. */
    @WithDefault("60s")
    Duration expiryInterval();

    /**
     * How long after its answer-by date an unanswered referral expires. Zero: at the date itself (the next run of
     * the job). While it lasts the referral is overdue: first in the provider's inbox, counted by the metric, and
     * still open to an answer.
     */
    @WithDefault("0s")
    Duration expiryGrace();

    /** Referrals expired per query of the job; each in a transaction of its own. */
    @WithDefault("100")
    @Min(1)
    int expiryBatchSize();

    /** How often the overdue metric ({@code inclusion_referrals_overdue}) is counted again. */
    @WithDefault("30s")
    Duration metricInterval();
}
