package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers in French, Spanish, German and Hindi written in Latin letters map to the contact's fields. */
class MappingSynonymsTest {

    @Test
    void theFrenchSampleFileMapsEveryKnownColumn() {
        // The header row of assets/samples/contacts-sample-semicolon.csv.
        ColumnMapping mapping = MappingSuggester.suggestFromHeaders(
                List.of("Mobile", "Prénom", "Nom", "Société", "E-mail", "Groupe", "Ville"));
        assertThat(mapping.targets()).containsExactly(ColumnTarget.of(ColumnTarget.Kind.NUMBER),
                ColumnTarget.of(ColumnTarget.Kind.FIRST_NAME), ColumnTarget.of(ColumnTarget.Kind.LAST_NAME),
                ColumnTarget.of(ColumnTarget.Kind.COMPANY_NAME), ColumnTarget.of(ColumnTarget.Kind.EMAIL),
                ColumnTarget.of(ColumnTarget.Kind.TAG), ColumnTarget.custom("ville"));
    }

    @Test
    void spanishGermanAndHindiHeadersToo() {
        assertThat(kinds("Nombre", "Apellidos", "Empresa", "Teléfono", "Correo electrónico", "Grupo"))
                .containsExactly(ColumnTarget.Kind.FIRST_NAME, ColumnTarget.Kind.LAST_NAME,
                        ColumnTarget.Kind.COMPANY_NAME, ColumnTarget.Kind.NUMBER, ColumnTarget.Kind.EMAIL,
                        ColumnTarget.Kind.TAG);
        assertThat(kinds("Vorname", "Nachname", "Firma", "Handy", "E-Mail-Adresse", "Gruppe"))
                .containsExactly(ColumnTarget.Kind.FIRST_NAME, ColumnTarget.Kind.LAST_NAME,
                        ColumnTarget.Kind.COMPANY_NAME, ColumnTarget.Kind.NUMBER, ColumnTarget.Kind.EMAIL,
                        ColumnTarget.Kind.TAG);
        assertThat(kinds("Naam", "Mobile No.", "Upnaam")).containsExactly(ColumnTarget.Kind.FIRST_NAME,
                ColumnTarget.Kind.NUMBER, ColumnTarget.Kind.LAST_NAME);
    }

    private static List<ColumnTarget.Kind> kinds(String... headers) {
        return MappingSuggester.suggestFromHeaders(List.of(headers)).targets().stream().map(ColumnTarget::kind).toList();
    }
}
