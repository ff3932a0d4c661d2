package org.inclusionmatch.profile.vocabulary;

/** The kinds of support measure the seeds describe. */
public enum MeasureKind {
    MENTORING, CONSULTATION, SUPPORT_GROUP, TRAINING, GRANT, HALFWAY_HOUSE, INCUBATION, WORK_PLACEMENT, PREMISES_EQUIPMENT, NETWORKING, INFORMATION;

    /**
     * Whether every measure of this kind is given in a shared setting, whatever it is marked: a half-way house is
     * residential, a support group is a group. Any other kind is shared only when its measure is marked so
     * ({@code Measure.groupSetting}); this is the only list of such kinds.
     */
    public boolean alwaysGroupSetting() {
        return this == HALFWAY_HOUSE || this == SUPPORT_GROUP;
    }
}
