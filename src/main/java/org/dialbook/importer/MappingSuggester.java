package org.dialbook.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dialbook.contact.ContactCsvColumns;

/**
 * Suggests a target for every column from its header name (with synonyms) or, without a header,
 * from what its values look like. Columns that match nothing go to custom_field under a key made
 * from the header, which the user may rename or ignore.
 */
public final class MappingSuggester {
    /**
     * Header names, lower-case with punctuation and spaces removed. Besides English: French, Spanish and
     * German headers, and Hindi written in Latin letters ("Naam", "Mobile No."), as exported by the
     * phones and CRMs our users' lists come from.
     */
    private static final Map<ColumnTarget.Kind, List<String>> SYNONYMS = Map.of(
            ColumnTarget.Kind.NUMBER, List.of("number", "phone", "phonenumber", "phoneno", "mobile", "mobileno",
                    "mobilenumber", "msisdn", "contact", "contactnumber", "contactno", "cell", "cellphone",
                    "telephone", "tel", "whatsapp",
                    "téléphone", "portable", "numéro", "numero", "numérodetéléphone", "numerodetelephone",
                    "teléfono", "telefono", "móvil", "movil", "celular", "númerodeteléfono",
                    "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer", "rufnummer",
                    "sampark", "samparknumber", "samparkno"),
            ColumnTarget.Kind.FIRST_NAME, List.of("first", "firstname", "givenname", "forename", "fname", "name",
                    "prénom", "prenom", "nombre", "vorname", "naam", "pehlanaam", "pratham"),
            ColumnTarget.Kind.LAST_NAME, List.of("last", "lastname", "surname", "familyname", "lname",
                    "nom", "nomdefamille", "apellido", "apellidos", "nachname", "familienname", "upnaam", "kulnaam"),
            ColumnTarget.Kind.COMPANY_NAME, List.of("company", "companyname", "organisation", "organization", "org",
                    "business", "employer", "firm",
                    "société", "societe", "entreprise", "empresa", "compañía", "compania", "firma", "unternehmen",
                    "kampani", "sanstha"),
            ColumnTarget.Kind.EMAIL, List.of("email", "emailaddress", "mail", "emailid",
                    "courriel", "adressemail", "correo", "correoelectrónico", "correoelectronico", "emailadresse"),
            ColumnTarget.Kind.TAG, List.of("tag", "tags", "group", "label", "labels", "segment",
                    "groupe", "étiquette", "etiquette", "grupo", "etiqueta", "gruppe", "samooh", "samuh"));

    private static final List<ColumnTarget.Kind> ORDER = List.of(ColumnTarget.Kind.NUMBER,
            ColumnTarget.Kind.EMAIL, ColumnTarget.Kind.LAST_NAME, ColumnTarget.Kind.FIRST_NAME,
            ColumnTarget.Kind.COMPANY_NAME, ColumnTarget.Kind.TAG);

    private MappingSuggester() {
    }

    public static ColumnMapping suggest(CsvInspection inspection) {
        if (inspection.format().hasHeader()) {
            return suggestFromHeaders(inspection.headers());
        }
        return suggestFromValues(inspection.columnCount(), inspection.sampleRows());
    }

    public static ColumnMapping suggestFromHeaders(List<String> headers) {
        List<ColumnTarget> targets = new ArrayList<>();
        Set<ColumnTarget.Kind> used = EnumSet.noneOf(ColumnTarget.Kind.class);
        Set<String> keys = new HashSet<>();
        for (String header : headers) {
            // Dialbook's own export: custom.<key> is that key of custom_field exactly, and the
            // system columns (sid, dates) are the API's to assign. Checked first, since
            // "custom.email" would otherwise pass for an e-mail column.
            String name = header.strip();
            if (ContactCsvColumns.SYSTEM.contains(name.toLowerCase(Locale.ROOT))) {
                targets.add(ColumnTarget.IGNORED);
                continue;
            }
            if (ContactCsvColumns.isCustomColumn(name)) {
                String key = ContactCsvColumns.customKey(name);
                targets.add(keys.add(key) ? ColumnTarget.custom(key) : ColumnTarget.IGNORED);
                continue;
            }
            ColumnTarget.Kind kind = matchHeader(header);
            if (kind != null && used.add(kind)) {
                targets.add(ColumnTarget.of(kind));
            } else if (header.isBlank()) {
                targets.add(ColumnTarget.IGNORED);
            } else {
                String key = customKey(header);
                targets.add(keys.add(key) ? ColumnTarget.custom(key) : ColumnTarget.IGNORED);
            }
        }
        return new ColumnMapping(targets);
    }

    /** The field a header names, or null. */
    static ColumnTarget.Kind matchHeader(String header) {
        String normal = normalise(header);
        for (ColumnTarget.Kind kind : ORDER) {
            if (SYNONYMS.get(kind).contains(normal)) {
                return kind;
            }
        }
        // "Customer Mobile", "Work Phone", "E-mail ID" and the like.
        if (normal.contains("phone") || normal.contains("mobile") || normal.contains("msisdn")) {
            return ColumnTarget.Kind.NUMBER;
        }
        if (normal.contains("email")) {
            return ColumnTarget.Kind.EMAIL;
        }
        return null;
    }

    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** "Date of Birth" becomes "date_of_birth". */
    public static String customKey(String header) {
        String key = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_+|_+$", "");
        return key.isEmpty() ? "column" : key;
    }

    private static ColumnMapping suggestFromValues(int columns, List<RawRow> rows) {
        List<ColumnTarget> targets = new ArrayList<>();
        boolean numberTaken = false;
        boolean emailTaken = false;
        for (int column = 0; column < columns; column++) {
            int phones = 0;
            int emails = 0;
            int filled = 0;
            for (RawRow row : rows) {
                if (column < row.fields().length && !row.fields()[column].isBlank()) {
                    String value = row.fields()[column].strip();
                    filled++;
                    if (value.contains("@")) {
                        emails++;
                    } else if (value.replaceAll("[^0-9]", "").length() >= 7
                            && value.matches("[+0-9()\\-. eE]+")) {
                        phones++;
                    }
                }
            }
            if (!numberTaken && filled > 0 && phones * 2 > filled) {
                targets.add(ColumnTarget.of(ColumnTarget.Kind.NUMBER));
                numberTaken = true;
            } else if (!emailTaken && filled > 0 && emails * 2 > filled) {
                targets.add(ColumnTarget.of(ColumnTarget.Kind.EMAIL));
                emailTaken = true;
            } else {
                targets.add(ColumnTarget.custom("column_" + (column + 1)));
            }
        }
        return new ColumnMapping(targets);
    }
}
