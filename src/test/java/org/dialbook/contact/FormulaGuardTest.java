package org.dialbook.contact;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+2", "\r=1+2", "+", "-", "=", "@", "+91 91012 34510", "-1e3",
        "+919101234510+A1", "--5"})
    void formulaLikeTextGetsTheTextMarker(String value) {
        String cell = FormulaGuard.neutralise(value);

        assertThat(cell).isEqualTo("'" + value);
        assertThat(FormulaGuard.restore(cell)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+919101234510", "+14155550100", "-5", "+42", "-0.5", "+3.25"})
    void signedNumbersStayAsTheyAreSinceTheyCannotCallAnything(String value) {
        assertThat(FormulaGuard.neutralise(value)).isEqualTo(value);
        assertThat(FormulaGuard.restore(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asha", "09876543210", "a=b", "'til dawn", "'", "", "Smith-Jones", " =1+2"})
    void ordinaryTextIsLeftAlone(String value) {
        assertThat(FormulaGuard.neutralise(value)).isEqualTo(value);
        assertThat(FormulaGuard.restore(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'=1|''=1", "''|'''", "'+91x|''+91x"})
    void textThatAlreadyStartsWithAMarkerIsEscapedSoItSurvives(String value, String expectedCell) {
        assertThat(FormulaGuard.neutralise(value)).isEqualTo(expectedCell);
        assertThat(FormulaGuard.restore(expectedCell)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'=A1|=A1", "'+91 98|+91 98", "'-|-"})
    void aHandMadeCellTypedTheExcelWayMeansTheTextAfterTheMarker(String cell, String expected) {
        assertThat(FormulaGuard.restore(cell)).isEqualTo(expected);
    }

    @Property
    void restoreUndoesNeutralise(@ForAll("cells") String value) {
        assertThat(FormulaGuard.restore(FormulaGuard.neutralise(value))).isEqualTo(value);
    }

    @Property
    void noNeutralisedCellStartsWithATriggerUnlessItIsASignedNumber(@ForAll("cells") String value) {
        String cell = FormulaGuard.neutralise(value);

        if (!cell.isEmpty() && FormulaGuard.isTrigger(cell.charAt(0))) {
            assertThat(cell).matches("[+-][0-9]+(\\.[0-9]+)?");
        }
    }

    @Provide
    Arbitrary<String> cells() {
        // Heavy on the characters that matter, so the edge cases come up often.
        return Arbitraries.strings().withChars("=+-@\t\r'0123456789.aZ ,\"").ofMaxLength(8);
    }
}
