package org.inclusionmatch.profile.identity;

import org.inclusionmatch.profile.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalCodeTest {

    /** Synthetic codes: the check digit is computed here, the dates are real days. */
    static String withCheckDigit(String tenDigits) {
        return tenDigits + PersonalCode.checkDigit(tenDigits + "0");
    }

    @Test
    void oldAndNewFormsWithTheirCheckDigitAreValidWithOrWithoutTheHyphen() {
        String old = withCheckDigit("2902561160"); // 29 February 1956, century digit 1
        String modern = withCheckDigit("3207312011");
        assertThat(PersonalCode.checkDigit(old)).isLessThan(10);
        for (String code : List.of(old, modern, old.substring(0, 6) + "-" + old.substring(6), " " + modern + " ")) {
            assertThat(PersonalCode.isValid(code)).as(code).isTrue();
        }
        assertThat(PersonalCode.parse("personalCode", old.substring(0, 6) + "-" + old.substring(6)))
                .isEqualTo(PersonalCode.parse("personalCode", old));
    }

    @Test
    void aWrongCheckDigitAnImpossibleDateOrAnotherShapeIsRefusedWithoutTheValue() {
        String good = withCheckDigit("1507901234");
        String wrongDigit = good.substring(0, 10) + (char) ('0' + (good.charAt(10) - '0' + 1) % 10);
        List<String> bad = List.of(wrongDigit, withCheckDigit("3002901234") /* 30 February */,
                withCheckDigit("1507903234") /* century digit 3 */, "12345", good + "1", good.substring(0, 5) + "-" + good.substring(5),
                "1507901234A", "");
        for (String code : bad) {
            assertThat(PersonalCode.isValid(code)).as(code).isFalse();
            assertThatThrownBy(() -> PersonalCode.parse("personalCode", code)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(e.getMessage()).startsWith("personalCode: ").doesNotContain(code.isEmpty() ? "\u0000" : code));
        }
        assertThat(PersonalCode.parse("personalCode", good).toString()).doesNotContain(good);
    }
}
