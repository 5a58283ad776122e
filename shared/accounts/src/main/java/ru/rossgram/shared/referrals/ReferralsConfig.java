package ru.rossgram.shared.referrals;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The referral program ({@code ROSSGRAM_REFERRALS_*}).
 *
 * @param linkBase            what a code is appended to for the link people share
 * @param feeShareBasisPoints the referrer's share of the platform's fee on each sale of a referred creator, in
 *                            hundredths of a percent (2500 = a quarter of the fee); never out of the creator's share
 * @param period              how long after the referred account's sign-up its sales earn its referrer rewards
 * @param capPerReferral      the most one referred account earns its referrer over the period, in kopecks
 * @param hold                how long a reward stays pending (a refund in that time is the common case) before it
 *                            counts as available
 */
@ConfigurationProperties("rossgram.referrals")
public record ReferralsConfig(
        @Bindable(defaultValue = "https://rossgram.ru/r/") String linkBase,
        @Bindable(defaultValue = "2500") int feeShareBasisPoints,
        @Bindable(defaultValue = "365d") Duration period,
        @Bindable(defaultValue = "1000000") long capPerReferral,
        @Bindable(defaultValue = "30d") Duration hold) {

    public ReferralsConfig {
        if (feeShareBasisPoints < 0 || feeShareBasisPoints > 10_000) {
            throw new IllegalArgumentException("ROSSGRAM_REFERRALS_FEE_SHARE_BASIS_POINTS must be 0 to 10000");
        }
        if (capPerReferral < 0) {
            throw new IllegalArgumentException("ROSSGRAM_REFERRALS_CAP_PER_REFERRAL must not be negative");
        }
        if (period.isNegative() || hold.isNegative()) {
            throw new IllegalArgumentException("ROSSGRAM_REFERRALS_PERIOD and ROSSGRAM_REFERRALS_HOLD must not be negative");
        }
    }

    /** The link that signs people up with {@code code}. */
    public String link(String code) {
        return linkBase + code;
    }
}
