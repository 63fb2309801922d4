package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Journal values read back as written, whatever they hold, and stay one line: the quoting that
 * copies clean stretches in one go escapes exactly what the character-by-character one did.
 */
class JournalQuotePropertyTest {

    @Property(tries = 3000)
    void quotedValuesReadBackUnchangedOnOneLine(@ForAll("values") String value) {
        StringBuilder line = new StringBuilder("x");
        ImportJournal.quote(line, value);
        String quoted = line.substring(1);

        assertThat(JsonParser.parseString(quoted).getAsString()).isEqualTo(value);
        assertThat(quoted).doesNotContain("\n", "\r", "\u2028", "\u2029");
        assertThat(quoted).isEqualTo(characterByCharacter(value));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("ab\"\\\n\r\t\u0000\u001f\u2028\u2029é₹").ofMaxLength(20),
                Arbitraries.strings().alpha().ofMaxLength(30));
    }

    /** The quoting the journal used before, kept here as the reference. */
    private static String characterByCharacter(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
