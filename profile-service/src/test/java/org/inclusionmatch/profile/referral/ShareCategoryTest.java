package org.inclusionmatch.profile.referral;

import org.inclusionmatch.profile.vocabulary.TargetGroup;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What each consent category releases; no servers needed. */
class ShareCategoryTest {

    /** A target group added to the vocabulary is shared under no category until it is classified here. */
    @Test
    void everyTargetGroupIsEitherSpecialOrOrdinaryAndNeverBoth() {
        for (TargetGroup group : TargetGroup.values()) {
            assertThat(ShareCategory.SPECIAL_TARGET_GROUPS.containsKey(group) ^ ShareCategory.ORDINARY_TARGET_GROUPS.contains(group))
                    .as(group + " is classified exactly once").isTrue();
        }
        assertThat(ShareCategory.SPECIAL_TARGET_GROUPS.values()).allMatch(ShareCategory::special);
    }

    @Test
    void specialGroupsAreReleasedOnlyByTheCategoryThatNamesThem() {
        List<String> groups = List.of("FORMER_PRISONER", "DISABILITY", "LONG_TERM_UNEMPLOYED", "ROMA", "MENTAL_HEALTH",
                "PROBATION_CLIENT", "PARTNER_OWN_CODE");
        assertThat(ShareCategory.targetGroups(groups, EnumSet.of(ShareCategory.TARGET_GROUPS))).containsExactly("LONG_TERM_UNEMPLOYED");
        assertThat(ShareCategory.targetGroups(groups, EnumSet.of(ShareCategory.CRIMINAL_RECORD)))
                .containsExactly("FORMER_PRISONER", "PROBATION_CLIENT");
        assertThat(ShareCategory.targetGroups(groups, EnumSet.of(ShareCategory.DISABILITY))).containsExactly("DISABILITY", "MENTAL_HEALTH");
        assertThat(ShareCategory.targetGroups(groups, EnumSet.of(ShareCategory.ETHNICITY))).containsExactly("ROMA");
        assertThat(ShareCategory.targetGroups(groups, EnumSet.allOf(ShareCategory.class))).doesNotContain("PARTNER_OWN_CODE")
                .hasSize(6);
        assertThat(ShareCategory.targetGroups(groups, EnumSet.complementOf(EnumSet.of(ShareCategory.TARGET_GROUPS,
                ShareCategory.DISABILITY, ShareCategory.ETHNICITY, ShareCategory.CRIMINAL_RECORD)))).isEmpty();
    }

    @Test
    void needsFromWhichHealthFollowsNeedDisabilityNamed() {
        List<String> needs = List.of("DIGITAL_SKILLS", "ADDICTION_SUPPORT", "PSYCHOLOGICAL", "PARTNER_OWN_NEED");
        assertThat(ShareCategory.needs(needs, EnumSet.of(ShareCategory.NEEDS_AND_GOALS))).containsExactly("DIGITAL_SKILLS");
        assertThat(ShareCategory.needs(needs, EnumSet.of(ShareCategory.NEEDS_AND_GOALS, ShareCategory.DISABILITY)))
                .containsExactly("DIGITAL_SKILLS", "ADDICTION_SUPPORT", "PSYCHOLOGICAL");
        assertThat(ShareCategory.goals(List.of("EDUCATION", "PARTNER_OWN_GOAL"))).containsExactly("EDUCATION");
    }

    @Test
    void theListIsFixed() {
        assertThat(Arrays.stream(ShareCategory.values()).map(Enum::name)).containsExactly("NEEDS_AND_GOALS", "AGE", "GENDER",
                "REGION", "ARCHETYPE", "TARGET_GROUPS", "DISABILITY", "ETHNICITY", "CRIMINAL_RECORD");
        assertThat(Arrays.stream(ShareCategory.values()).filter(ShareCategory::special).toList())
                .containsExactly(ShareCategory.DISABILITY, ShareCategory.ETHNICITY, ShareCategory.CRIMINAL_RECORD);
    }
}
