package org.inclusionmatch.profile.common.problem;

/** A problem document ({@link Problem}, or one with members of its own), which names the request's id. */
public interface ProblemBody {

    String requestId();

    ProblemBody withRequestId(String requestId);
}
