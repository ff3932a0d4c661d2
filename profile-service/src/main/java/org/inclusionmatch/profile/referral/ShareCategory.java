package org.inclusionmatch.profile.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.inclusionmatch.profile.vocabulary.Need;
import org.inclusionmatch.profile.vocabulary.TargetGroup;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.inclusionmatch.profile.vocabulary.TargetGroup.*;

/**
 * The categories of a person's profile that a consent can share with a referral's provider. A fixed list: a consent
 * naming anything else is refused. What the referral itself is (its contact, message, needs and goals, and the
 * person's languages) is shared without consent and is not a category.
 * <p>
 * Special-category data (GDPR Art. 9: health and disability, ethnic origin; Art. 10: criminal convictions) is shared
 * only under the category that names it: {@link #DISABILITY}, {@link #ETHNICITY}, {@link #CRIMINAL_RECORD}. Each
 * releases its target groups (and the needs from which it would follow) on its own; {@link #TARGET_GROUPS} releases
 * only the other, non-special ones, and {@link #NEEDS_AND_GOALS} only the needs from which no special category follows.
 * A code outside the published vocabulary (target groups and needs are open vocabularies) is never shared, since
 * it cannot be told whether it reveals a special category; so is a target group added to the vocabulary before it
 * is classified here ({@code ShareCategoryTest} fails until it is).
 */
@Schema(name = "ShareCategory", description = "A category of the person's profile a consent shares with the provider. "
        + "NEEDS_AND_GOALS: all the person's needs and goals (beyond the referral's own), except needs that reveal health; "
        + "AGE: birthYear; GENDER: gender; REGION: region and municipality; ARCHETYPE: role and archetype; "
        + "TARGET_GROUPS: the target groups that are not special-category data. Special categories, shared only when "
        + "named: DISABILITY (health: DISABILITY, MENTAL_HEALTH, ADDICTION; needs ADDICTION_SUPPORT, PSYCHOLOGICAL), "
        + "ETHNICITY (ROMA, ETHNIC_MINORITY), CRIMINAL_RECORD (FORMER_PRISONER, PROBATION_CLIENT). "
        + "Codes outside the published vocabulary are never shared.")
public enum ShareCategory {
    NEEDS_AND_GOALS, AGE, GENDER, REGION, ARCHETYPE, TARGET_GROUPS,
    /** Art. 9 health data: disability, mental health, addiction. */
    DISABILITY,
    /** Art. 9 racial or ethnic origin. */
    ETHNICITY,
    /** Art. 10 criminal convictions and offences. */
    CRIMINAL_RECORD;

    /** The target groups that are special-category data, by the category that releases them. */
    static final Map<TargetGroup, ShareCategory> SPECIAL_TARGET_GROUPS = Map.of(
            TargetGroup.DISABILITY, DISABILITY, MENTAL_HEALTH, DISABILITY, ADDICTION, DISABILITY,
            ROMA, ETHNICITY, ETHNIC_MINORITY, ETHNICITY,
            FORMER_PRISONER, CRIMINAL_RECORD, PROBATION_CLIENT, CRIMINAL_RECORD);

    /** The target groups {@link #TARGET_GROUPS} releases: none of them is special-category data. */
    static final Set<TargetGroup> ORDINARY_TARGET_GROUPS = EnumSet.of(AFTER_CHILDCARE_LEAVE, VIOLENCE_VICTIM, CARER,
            SINGLE_PARENT, OVER_50, NEET, WOMEN, SENIOR, MIGRANT, RE_EMIGRANT, LONG_TERM_UNEMPLOYED, LOW_EDUCATION);

    /** Needs from which a special category follows, by the category that releases them. */
    static final Map<Need, ShareCategory> SPECIAL_NEEDS = Map.of(Need.ADDICTION_SUPPORT, DISABILITY, Need.PSYCHOLOGICAL, DISABILITY);

    public boolean special() {
        return this == DISABILITY || this == ETHNICITY || this == CRIMINAL_RECORD;
    }

    /** The person's target groups that these categories release, in the person's order. */
    static List<String> targetGroups(Collection<String> codes, Set<ShareCategory> named) {
        return codes.stream().filter(code -> {
            TargetGroup group = known(TargetGroup.class, code);
            if (group == null) {
                return false;
            }
            ShareCategory special = SPECIAL_TARGET_GROUPS.get(group);
            return special != null ? named.contains(special) : named.contains(TARGET_GROUPS) && ORDINARY_TARGET_GROUPS.contains(group);
        }).toList();
    }

    /** The person's needs that these categories release (with NEEDS_AND_GOALS named), in the person's order. */
    static List<String> needs(Collection<String> codes, Set<ShareCategory> named) {
        return codes.stream().filter(code -> {
            Need need = known(Need.class, code);
            if (need == null) {
                return false;
            }
            ShareCategory special = SPECIAL_NEEDS.get(need);
            return special == null || named.contains(special);
        }).toList();
    }

    /** The person's goals that NEEDS_AND_GOALS releases: those of the published vocabulary. */
    static List<String> goals(Collection<String> codes) {
        return codes.stream().filter(code -> known(org.inclusionmatch.profile.vocabulary.Goal.class, code) != null).toList();
    }

    private static <E extends Enum<E>> E known(Class<E> type, String code) {
        try {
            return code == null ? null : Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
