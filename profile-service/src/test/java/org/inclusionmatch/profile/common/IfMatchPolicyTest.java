package org.inclusionmatch.profile.common;

import org.inclusionmatch.profile.domain.StaleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The If-Match policy of every versioned write, without a server: If-Match is optional (absent or {@code *} writes
 * whatever is current), and when given it must name the current version, as a strong or weak tag, alone or in a
 * list; anything else is 412 and says which version is current.
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

    @Test
    void theEtagIsTheVersionAsAStrongTag() {
        assertThat(Versions.etag(12).getValue()).isEqualTo("12");
        assertThat(Versions.etag(12).isWeak()).isFalse();
    }
}
