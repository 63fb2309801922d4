package org.dialbook.importer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.dialbook.api.NewContact;
import org.dialbook.contact.ContactField;
import org.dialbook.contact.ContactRules;
import org.dialbook.contact.PhoneResult;
import org.dialbook.contact.PhoneRule;
import org.dialbook.contact.ContactCsvColumns;
import org.dialbook.contact.CustomValueCodec;
import org.dialbook.contact.FormulaGuard;

/** Maps one raw row onto a contact and checks it. Stateless and thread-safe. */
public final class RowValidator {
    /** A longer single value is a broken file, not a contact field. */
    public static final int MAX_FIELD_CHARS = 64 * 1024;

    private final List<String> headers;
    private final ColumnMapping mapping;
    private final PhoneRule phones;
    private final ImportOptions options;
    private final int columns;

    public RowValidator(ImportPlan plan) {
        this.headers = plan.headers();
        this.mapping = plan.mapping();
        this.phones = new PhoneRule(plan.options().defaultCountry());
        this.options = plan.options();
        this.columns = plan.columnCount();
    }

    public ValidatedRow validate(RawRow raw) {
        String[] fields = raw.fields();
        StringBuilder problems = new StringBuilder();
        int used = CsvInspector.trimmedLength(fields);
        if (used > columns) {
            add(problems, "has " + used + " values but the file has " + columns + " columns (extra value '"
                    + shorten(fields[columns]) + "' in column " + (columns + 1) + "); a delimiter inside a value "
                    + "needs quotes");
        } else if (fields.length < columns) {
            add(problems, "has " + fields.length + " fields but the file has " + columns + " columns");
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].length() > MAX_FIELD_CHARS) {
                add(problems, describeColumn(i) + " is " + fields[i].length() + " characters long, over the "
                        + "64 KiB limit for a value");
            }
        }
        if (problems.length() > 0) {
            return new ValidatedRow(raw.row(), fields, null, 0, problems.toString(), null);
        }
        int numberColumn = mapping.numberColumn();
        // The text marker a spreadsheet-safe export puts before formula-like cells ('=…, '+…) goes.
        PhoneResult phone = phones.normalise(FormulaGuard.restore(value(fields, numberColumn).strip()));
        if (!phone.isValid()) {
            add(problems, describeColumn(numberColumn) + ": " + phone.note());
        }
        NewContact.Builder contact = NewContact.builder(phone.isValid() ? phone.e164() : "");
        JsonObject custom = null;
        JsonElement wholeCustomField = null;
        String fileTag = null;
        for (int i = 0; i < mapping.columnCount() && i < fields.length; i++) {
            ColumnTarget target = mapping.target(i);
            String value = FormulaGuard.restore(fields[i].strip());
            if (value.isEmpty()) {
                continue;
            }
            if (target.kind() != ColumnTarget.Kind.IGNORE && target.kind() != ColumnTarget.Kind.NUMBER) {
                // The contact package's rule, as the dialog, bulk edit and the server apply it.
                ContactField field = target.kind().field() == null ? ContactField.CUSTOM_FIELD : target.kind().field();
                String problem = ContactRules.textProblem(field, value);
                if (problem != null) {
                    add(problems, describeColumn(i) + ": " + problem);
                    continue;
                }
            }
            switch (target.kind()) {
                case FIRST_NAME:
                    contact.firstName(value);
                    break;
                case LAST_NAME:
                    contact.lastName(value);
                    break;
                case COMPANY_NAME:
                    contact.companyName(value);
                    break;
                case EMAIL:
                    contact.email(value);
                    break;
                case TAG:
                    contact.tag(value);
                    fileTag = value;
                    break;
                case CUSTOM:
                    String header = i < headers.size() ? headers.get(i).strip() : "";
                    if (header.equals(ContactCsvColumns.CUSTOM_FIELD)) {
                        // Dialbook's export: a custom field that is not a JSON object, whole.
                        wholeCustomField = CustomValueCodec.decode(value);
                        break;
                    }
                    if (custom == null) {
                        custom = new JsonObject();
                    }
                    if (ContactCsvColumns.isCustomColumn(header)) {
                        // Dialbook's export writes custom.<key> values typed: 42, true, {"a":1}, "42".
                        custom.add(target.customKey(), CustomValueCodec.decode(value));
                    } else {
                        custom.addProperty(target.customKey(), value);
                    }
                    break;
                default:
                    break;
            }
        }
        if (problems.length() > 0) {
            return new ValidatedRow(raw.row(), fields, null, 0, problems.toString(), null);
        }
        String chosenTag = options.tagFor(fileTag);
        if (chosenTag != null && !chosenTag.equals(fileTag)) {
            contact.tag(chosenTag);
        }
        contact.customField(merge(wholeCustomField, custom));
        return new ValidatedRow(raw.row(), fields, contact.build(), phone.key(), null, phone.note());
    }

    /** The custom_field column's value with the custom.<key> columns laid over it. */
    private static JsonElement merge(JsonElement whole, JsonObject keys) {
        if (whole == null) {
            return keys;
        }
        if (keys == null) {
            return whole;
        }
        if (!whole.isJsonObject()) {
            return keys;
        }
        JsonObject merged = whole.getAsJsonObject().deepCopy();
        keys.entrySet().forEach(entry -> merged.add(entry.getKey(), entry.getValue()));
        return merged;
    }

    private static String value(String[] fields, int column) {
        return column >= 0 && column < fields.length ? fields[column] : "";
    }

    private String describeColumn(int column) {
        String name = column < headers.size() ? headers.get(column) : null;
        return "column " + (column + 1) + (name == null || name.isEmpty() ? "" : " (" + name + ")");
    }

    private static void add(StringBuilder problems, String problem) {
        if (problems.length() > 0) {
            problems.append("; ");
        }
        problems.append(problem);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
