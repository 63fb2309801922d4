package org.dialbook.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomValueCodecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"Gold\"|Gold",
        "\"Pune, MH\"|Pune, MH",
        "\"42\"|\"42\"",
        "\"true\"|\"true\"",
        "\"null\"|\"null\"",
        "\"\"|\"\"",
        "\" padded \"|\" padded \"",
        "\"{not json\"|{not json",
        "42|42",
        "-1.50|-1.50",
        "true|true",
        "null|null",
        "{\"a\":[1,2]}|{\"a\":[1,2]}",
        "[\"x\",{\"y\":null}]|[\"x\",{\"y\":null}]"})
    void encodesSoThatTheTypeCanBeReadBack(String json, String expectedCell) {
        JsonElement value = JsonParser.parseString(json);

        assertThat(CustomValueCodec.encode(value)).isEqualTo(expectedCell);
        assertThat(CustomValueCodec.decode(expectedCell)).isEqualTo(value);
    }

    @Test
    void aCellThatIsNotStrictJsonIsAString() {
        // Gson's lenient parser would take these as JSON; the codec must not.
        assertThat(CustomValueCodec.decode("Gold")).isEqualTo(new JsonPrimitive("Gold"));
        assertThat(CustomValueCodec.decode("{a:1}")).isEqualTo(new JsonPrimitive("{a:1}"));
        assertThat(CustomValueCodec.decode("'x'")).isEqualTo(new JsonPrimitive("'x'"));
        assertThat(CustomValueCodec.decode("1 2")).isEqualTo(new JsonPrimitive("1 2"));
        assertThat(CustomValueCodec.decode("NaN")).isEqualTo(new JsonPrimitive("NaN"));
    }

    @Property
    void anyValueRoundTrips(@ForAll("values") JsonElement value) {
        assertThat(CustomValueCodec.decode(CustomValueCodec.encode(value))).isEqualTo(value);
    }

    @Property
    void anyValueRoundTripsThroughTheFormulaGuardToo(@ForAll("values") JsonElement value) {
        String cell = FormulaGuard.neutralise(CustomValueCodec.encode(value));

        assertThat(CustomValueCodec.decode(FormulaGuard.restore(cell))).isEqualTo(value);
    }

    @Provide
    Arbitrary<JsonElement> values() {
        Arbitrary<JsonElement> strings = Arbitraries.strings().withChars("ab 1{}[]\",:'=+-@\t").ofMaxLength(6)
                .map(JsonPrimitive::new);
        Arbitrary<JsonElement> numbers = Arbitraries.integers().between(-1000, 1000).map(JsonPrimitive::new);
        Arbitrary<JsonElement> booleans = Arbitraries.of(true, false).map(JsonPrimitive::new);
        Arbitrary<JsonElement> nulls = Arbitraries.just(JsonNull.INSTANCE);
        Arbitrary<JsonElement> scalars = Arbitraries.oneOf(strings, numbers, booleans, nulls);
        Arbitrary<JsonElement> arrays = scalars.list().ofMaxSize(3).map(items -> {
            JsonArray array = new JsonArray();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonElement> objects = scalars.list().ofMaxSize(3).map(items -> {
            JsonObject object = new JsonObject();
            for (int i = 0; i < items.size(); i++) {
                object.add("k" + i, items.get(i));
            }
            return object;
        });
        return Arbitraries.oneOf(scalars, arrays, objects);
    }
}
