package org.inclusionmatch.profile.common.http;

import org.inclusionmatch.profile.common.problem.Problem;
import org.inclusionmatch.profile.common.problem.ProblemMappers;
import org.inclusionmatch.profile.domain.PreconditionRequired;
import org.inclusionmatch.profile.domain.StaleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The If-Match policy of every versioned write, without a server: the API's updates and deletes require If-Match
 * (428 without; {@code *} writes whatever is current), and it must name the current version, as a strong or weak
 * tag, alone or in a list; anything else is 412 and says which version is current. Internal writers (the catalogue
 * import) pass no expectation to the services, which then write the current version.
 */
class IfMatchPolicyTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "*", " * ", "\"7\"", "W/\"7\"", "7", "\"3\", \"7\"", "W/\"1\",W/\"7\""})
    void writesWhenIfMatchIsAbsentAnyOrNamesTheCurrentVersion(String ifMatch) {
        assertThatCode(() -> ExpectedVersion.check(ifMatch, 7)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "W/\"8\"", "\"07\"", "\"7 \"", "\"3\", \"5\"", "x", "\"\"", "\"-7\"", "**"})
    void refusesAnyOtherTagWith412NamingTheCurrentVersion(String ifMatch) {
        StaleVersion refused = catchThrowableOfType(StaleVersion.class, () -> ExpectedVersion.check(ifMatch, 7));
        assertThat(refused).as("If-Match %s against version 7", ifMatch).isNotNull();
        assertThat(ProblemMappers.problemOf(refused).status()).isEqualTo(412);
        assertThat(refused.current()).isEqualTo(7);
        assertThat(refused.getMessage()).contains("\"7\"");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\t"})
    void theApiRefusesAnUpdateWithoutIfMatchWith428(String ifMatch) {
        PreconditionRequired refused = catchThrowableOfType(PreconditionRequired.class, () -> Versions.requireIfMatch(ifMatch));
        assertThat(refused).isNotNull();
        Problem problem = ProblemMappers.problemOf(refused);
        assertThat(problem.status()).isEqualTo(428);
        assertThat(problem.type()).hasToString("https://inclusion-match.org/problems/precondition-required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"0\"", "W/\"3\"", "garbage"})
    void anyIfMatchGoesOnToTheVersionCheck(String ifMatch) {
        assertThat(Versions.requireIfMatch(ifMatch)).isEqualTo(ifMatch);
    }

    @Test
    void theEtagIsTheVersionAsAStrongTag() {
        assertThat(Versions.etag(12).getValue()).isEqualTo("12");
        assertThat(Versions.etag(12).isWeak()).isFalse();
    }
}
