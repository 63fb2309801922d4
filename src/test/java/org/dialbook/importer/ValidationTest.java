package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dialbook.contact.PhoneResult;
import org.dialbook.contact.PhoneRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {
    private final PhoneRule india = new PhoneRule("IN");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+91 91012 34510|+919101234510",
            "091012-34510|+919101234510",
            "(910) 123-4510|+919101234510",
            "9101234510|+919101234510",
            "919101234510|+919101234510",
            "919101234510.0|+919101234510",
            "+65 9123 4567|+6591234567",
            "0044 20 7946 0958|+442079460958"})
    void normalisesToE164(String raw, String e164) {
        assertThat(india.normalise(raw).e164()).isEqualTo(e164);
    }

    @Test
    void restoringTheLostPlusIsNoted() {
        assertThat(india.normalise("919101234510").note()).contains("restored the leading +");
        assertThat(india.normalise("9101234510").note()).isNull();
    }

    @Test
    void excelScientificNotationIsRejectedWithAnExplanation() {
        PhoneResult result = india.normalise("9.19101E+11");
        assertThat(result.isValid()).isFalse();
        assertThat(result.note()).contains("scientific notation").contains("Text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12345|too short",
            "''|empty",
            "call me|not part of a phone number",
            "+91 12345 67890 12345|too long"})
    void invalidNumbersSayWhy(String raw, String reason) {
        PhoneResult result = india.normalise(raw);
        assertThat(result.isValid()).isFalse();
        assertThat(result.note()).contains(reason);
    }

    @Test
    void emailShapeAndCustomFieldsAndTag(@TempDir Path dir) throws Exception {
        Path file = CsvFiles.write(dir.resolve("v.csv"),
                "Mobile,Given Name,Surname,Organisation,E-mail,Group,Date of Birth\n"
                        + "9101234510,Asha,Rao,Acme,asha@example.com,vip,1990-01-02\n"
                        + "9101234511,Ravi,Iyer,Acme,not-an-email,vip,\n");
        CsvInspection inspection = CsvInspector.inspect(file);
        ColumnMapping mapping = MappingSuggester.suggest(inspection);
        assertThat(mapping.targets()).extracting(ColumnTarget::label).containsExactly("number", "first_name",
                "last_name", "company_name", "email", "tag", "custom:date_of_birth");
        ImportPlan plan = ImportPlan.of(inspection, mapping, ImportOptions.defaults("IN").withTag("diwali"));
        RowValidator validator = new RowValidator(plan);
        ValidatedRow good = validator.validate(inspection.sampleRows().get(0));
        assertThat(good.contact().tag()).isEqualTo("diwali");
        assertThat(good.contact().customField().getAsJsonObject().get("date_of_birth").getAsString())
                .isEqualTo("1990-01-02");
        ValidatedRow bad = validator.validate(inspection.sampleRows().get(1));
        assertThat(bad.problem()).contains("column 5 (E-mail)").contains("not an e-mail address");
    }

    @Test
    void mappingNeedsExactlyOneNumberColumn() {
        List<String> headers = List.of("a", "b");
        assertThat(new ColumnMapping(List.of(ColumnTarget.IGNORED, ColumnTarget.IGNORED)).problem(headers))
                .hasValueSatisfying(problem -> assertThat(problem).contains("number"));
        ColumnMapping twice = new ColumnMapping(List.of(ColumnTarget.of(ColumnTarget.Kind.NUMBER),
                ColumnTarget.of(ColumnTarget.Kind.NUMBER)));
        assertThat(twice.problem(headers)).hasValueSatisfying(problem -> assertThat(problem).contains("'b'"));
    }

    @Test
    void synonymsAreRecognised() {
        assertThat(MappingSuggester.suggestFromHeaders(List.of("Phone Number", "msisdn", "First", "last", "org",
                "e-mail", "label", "contact")).targets()).extracting(ColumnTarget::label).containsExactly("number",
                "custom:msisdn", "first_name", "last_name", "company_name", "email", "tag", "custom:contact");
    }

    @Test
    void savedMappingsAreFoundByHeaderSignature(@TempDir Path dir) throws Exception {
        MappingStore store = new MappingStore(dir.resolve("mappings"));
        List<String> headers = List.of("Tel", "Who", "Town");
        ColumnMapping mapping = new ColumnMapping(List.of(ColumnTarget.of(ColumnTarget.Kind.NUMBER),
                ColumnTarget.of(ColumnTarget.Kind.FIRST_NAME), ColumnTarget.custom("city")));
        assertThat(store.find(headers)).isEmpty();
        store.save(headers, mapping);
        assertThat(store.find(List.of(" tel", "WHO", "Town "))).contains(mapping);
        assertThat(store.find(List.of("Tel", "Who"))).isEmpty();
    }
}
