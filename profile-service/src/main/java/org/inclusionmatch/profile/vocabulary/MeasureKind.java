package org.inclusionmatch.profile.vocabulary;

/** The kinds of support measure the seeds describe. */
public enum MeasureKind {
    MENTORING, CONSULTATION, SUPPORT_GROUP, TRAINING, GRANT, HALFWAY_HOUSE, INCUBATION, WORK_PLACEMENT, PREMISES_EQUIPMENT, NETWORKING, INFORMATION
}
