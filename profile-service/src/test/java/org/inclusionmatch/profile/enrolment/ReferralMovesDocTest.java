package org.inclusionmatch.profile.enrolment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The docs show the rule table the service enforces, rendered from it: a changed rule fails here until they say so. */
class ReferralMovesDocTest {

    static final Path DOC = Path.of("../docs/referrals.md");

    @Test
    void theReferralGuideShowsTheRuleTableAsTheCodeHasIt() throws Exception {
        String doc = Files.readString(DOC);
        assertThat(doc).as("%s: replace the table under 'Who makes which move' with EnrolmentMoves.markdown()", DOC)
                .contains("## Who makes which move\n\n" + EnrolmentMoves.markdown());
    }
}
