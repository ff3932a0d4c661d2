package org.inclusionmatch.profile.enrolment;

import org.inclusionmatch.profile.security.Roles;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.ACCEPTED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.CANCELLED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.COMPLETED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.DROPPED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.ENROLLED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.EXPIRED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.REFERRED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.REJECTED;
import static org.inclusionmatch.profile.enrolment.EnrolmentStatus.WAITLISTED;

/**
 * Who may make each move of a referral: the one table the service enforces, the API document and the docs render
 * ({@link #markdown()}), and {@code ReferralMovesTest} tries through HTTP. The provider answers, enrols, completes
 * and drops, because those are its decisions about its own place (and the fairness monitor counts them as such);
 * the referrer cancels, because the referral is its request on the person's behalf; the system promotes from the
 * waitlist and expires what the provider leaves unanswered. An organisation that is both sides (a referral to its own measure) makes both sides' moves.
 */
public final class EnrolmentMoves {

    /** One legal move, the side that makes it, and what it means. */
    public record Move(EnrolmentStatus from, EnrolmentStatus to, ReferralSide by, String meaning) {
    }

    /** The roles whose holders make their side's moves; others read at most. */
    public static final Set<String> MOVING_ROLES = Set.of(Roles.ADMIN, Roles.CASEWORKER);

    public static final List<Move> TABLE = List.of(
            new Move(WAITLISTED, REFERRED, ReferralSide.SYSTEM, "a place freed: the first on the waitlist is offered it"),
            new Move(WAITLISTED, CANCELLED, ReferralSide.REFERRER, "the referrer withdraws the referral (reason)"),
            new Move(REFERRED, ACCEPTED, ReferralSide.PROVIDER, "the provider accepts the person"),
            new Move(REFERRED, REJECTED, ReferralSide.PROVIDER, "the provider declines (reason)"),
            new Move(REFERRED, CANCELLED, ReferralSide.REFERRER, "the referrer withdraws the referral (reason)"),
            new Move(REFERRED, EXPIRED, ReferralSide.SYSTEM, "unanswered by its answer-by date: the place goes to the waitlist"),
            new Move(ACCEPTED, ENROLLED, ReferralSide.PROVIDER, "the person starts the measure"),
            new Move(ACCEPTED, CANCELLED, ReferralSide.REFERRER, "the referrer withdraws the referral (reason)"),
            new Move(ENROLLED, COMPLETED, ReferralSide.PROVIDER, "the person completed the measure"),
            new Move(ENROLLED, DROPPED, ReferralSide.PROVIDER, "the person left before the end (reason)"),
            new Move(ENROLLED, CANCELLED, ReferralSide.REFERRER, "the referrer withdraws the person (reason)"));

    private EnrolmentMoves() {
    }

    public static Optional<Move> find(EnrolmentStatus from, EnrolmentStatus to) {
        return TABLE.stream().filter(move -> move.from() == from && move.to() == to).findFirst();
    }

    /** The moves from {@code from} that an organisation makes (the system's own are left out). */
    public static List<Move> byOrganisations(EnrolmentStatus from) {
        return TABLE.stream().filter(move -> move.from() == from && move.by() != ReferralSide.SYSTEM).toList();
    }

    /** The statuses an organisation may move an enrolment to from {@code from}, whichever side it is. */
    public static Set<EnrolmentStatus> next(EnrolmentStatus from) {
        return byOrganisations(from).stream().map(Move::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EnrolmentStatus.class)));
    }

    /** The statuses an organisation on {@code sides} may move an enrolment to from {@code from}. */
    public static Set<EnrolmentStatus> next(EnrolmentStatus from, Set<ReferralSide> sides) {
        return byOrganisations(from).stream().filter(move -> sides.contains(move.by())).map(Move::to)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EnrolmentStatus.class)));
    }

    /** The table as Markdown, as the docs and the API document show it. */
    public static String markdown() {
        StringBuilder table = new StringBuilder("| from | to | made by | meaning |\n|---|---|---|---|\n");
        for (Move move : TABLE) {
            table.append("| ").append(move.from()).append(" | ").append(move.to()).append(" | ")
                    .append(move.by()).append(" | ").append(move.meaning()).append(" |\n");
        }
        return table.append("\nMoves by an organisation need the role ")
                .append(String.join(" or ", MOVING_ROLES.stream().sorted().toList()))
                .append("; an organisation that is both sides (a referral to its own measure) makes both sides' moves.\n")
                .toString();
    }
}
