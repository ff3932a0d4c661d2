package org.inclusionmatch.profile.report;

import org.inclusionmatch.profile.vocabulary.Gender;
import org.inclusionmatch.profile.vocabulary.Region;
import org.inclusionmatch.profile.vocabulary.TargetGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The groups an aggregate by a protected dimension lists: every code of the fixed list, in its fixed order, whether
 * anyone is counted in it or not, so which groups appear never depends on who is counted (an absent group is a
 * suppressed cell like any small one). Target groups are an open vocabulary: a code outside {@link TargetGroup} is
 * never named in an aggregate but counted in {@link #OTHER_TARGET_GROUP}, one bucket for every such code (a person
 * with several of them counts once there). Plain Java.
 */
public final class ProtectedGroups {

    /** The bucket of every target-group code outside the fixed list. */
    public static final String OTHER_TARGET_GROUP = "OTHER";

    /** The fixed target groups, then {@link #OTHER_TARGET_GROUP}. */
    public static final List<String> TARGET_GROUPS;
    public static final List<String> GENDERS = names(Gender.values());
    public static final List<String> REGIONS = names(Region.values());

    private static final Set<String> FIXED_TARGET_GROUPS = Set.copyOf(names(TargetGroup.values()));

    static {
        List<String> targetGroups = new ArrayList<>(names(TargetGroup.values()));
        targetGroups.add(OTHER_TARGET_GROUP);
        TARGET_GROUPS = List.copyOf(targetGroups);
    }

    private ProtectedGroups() {
    }

    /** The groups an aggregate names for a person's target-group codes: each fixed one, and OTHER once for the rest. */
    public static List<String> targetGroups(Collection<String> codes) {
        return codes == null ? List.of()
                : codes.stream().map(c -> FIXED_TARGET_GROUPS.contains(c) ? c : OTHER_TARGET_GROUP).distinct().toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
