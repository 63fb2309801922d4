package org.dialbook.ui.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dialbook.api.Contact;
import org.junit.jupiter.api.Test;

class RowsTextTest {
    private static final Contact ROW = new Contact("b".repeat(32), "+919812345678", "Asha", "Rao, Jr", "=HYPERLINK()",
            null, "tab\there", null, null, null, "sandbox", "/x", null);

    @Test
    void tabSeparatedKeepsEachValueInOneCellAndDefusesFormulas() {
        String[] lines = RowsText.format(List.of(ROW), false).split("\n");

        assertThat(lines[0]).startsWith("number\tfirst_name\tlast_name");
        assertThat(lines[1].split("\t", -1)).startsWith("+919812345678", "Asha", "Rao, Jr", "'=HYPERLINK()", "",
                "tab here");
    }

    @Test
    void csvQuotesCommas() {
        String[] lines = RowsText.format(List.of(ROW), true).split("\r\n");

        assertThat(lines[1]).startsWith("+919812345678,Asha,\"Rao, Jr\",'=HYPERLINK(),,tab\there");
    }
}
