package org.dialbook.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contact package's rules on their own; {@code SameVerdictEverywhereTest} checks every caller uses them. */
class ContactRulesTest {
    private final PhoneRule india = new PhoneRule("IN");

    @Test
    void aLandlineHasOneKeyWhateverItsSpelling() {
        long key = india.keyOf("+918022345678");
        assertThat(key).isEqualTo(918022345678L);
        assertThat(india.keyOf("08022345678")).isEqualTo(key);
        assertThat(india.keyOf("080 2234 5678")).isEqualTo(key);
        assertThat(india.normalise("08022345678").key()).isEqualTo(key);
        assertThat(india.keyOf("not a number")).isZero();
        assertThat(india.keyOf(null)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "asha@example.com|true",
            "asha.rao+crm@mail.example.co.in|true",
            "asha@.example.com|false",
            "asha@example.|false",
            "asha@example|false",
            "@example.com|false",
            "asha@@example.com|false",
            "asha rao@example.com|false"})
    void oneEmailRule(String email, boolean valid) {
        assertThat(EmailRule.isValid(email)).isEqualTo(valid);
        assertThat(ContactRules.textProblem(ContactField.EMAIL, email) == null).isEqualTo(valid);
    }

    @Test
    void controlCharactersAreRefusedExceptLineBreaksAndTabs() {
        assertThat(ContactRules.textProblem(ContactField.FIRST_NAME, "Asha\u001b[31m"))
                .contains("control character (ESC, U+001B) at position 5");
        assertThat(ContactRules.textProblem(ContactField.COMPANY_NAME, "Acme\rLtd")).contains("a bare CR");
        assertThat(ContactRules.textProblem(ContactField.TAG, "a\u0000b")).contains("NUL");
        assertThat(ContactRules.textProblem(ContactField.TAG, "a\u0085b")).contains("U+0085");
        assertThat(ContactRules.textProblem(ContactField.COMPANY_NAME, "Line one\r\nline two\tend")).isNull();
        assertThat(ContactRules.firstProblem(Map.of(ContactField.TAG, "ok", ContactField.LAST_NAME, "R\u0007")))
                .startsWith("last_name: ");
    }

    @Test
    void theTerminalSeesEveryControlCharacterEscaped() {
        assertThat(ControlCharacters.escape("Asha\u001b]0;x\u0007\r\n\tz")).isEqualTo("Asha\\e]0;x\\x07\\r\\n\\tz");
        assertThat(ControlCharacters.escape("plain")).isEqualTo("plain");
    }

    @Test
    void textOverTheServersLimitIsRefused() {
        assertThat(ContactRules.textProblem(ContactField.LAST_NAME, "x".repeat(ContactRules.MAX_TEXT))).isNull();
        assertThat(ContactRules.textProblem(ContactField.LAST_NAME, "x".repeat(ContactRules.MAX_TEXT + 1)))
                .contains("10001 characters long").contains("at most 10000");
    }

    @Test
    void theCsvWriterGuardsEveryCellAndKeepsRowsRectangular() {
        String csv = CsvRowWriter.format(List.of("a", "b", "c"), List.of(List.of("=1+2", "\t=cmd", "+919101234510"),
                List.of("only one"), List.of("1", "2", "3", "surplus")));

        assertThat(csv).isEqualTo("a,b,c\r\n'=1+2,'\t=cmd,+919101234510\r\nonly one,,\r\n1,2,3\r\n");
    }

    @Test
    void theFieldListIsTheOneSpelling() {
        assertThat(ContactField.wireNames()).containsExactly("number", "first_name", "last_name", "company_name",
                "email", "tag", "custom_field");
        assertThat(ContactCsvColumns.STANDARD).containsExactly("number", "first_name", "last_name", "company_name",
                "email", "tag");
    }
}
