package org.dialbook.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The phone rule's fast path gives exactly the verdict, number and note of libphonenumber's full
 * parse, for numbers near real mobile numbers of several countries, written the ways people write them.
 */
class MobileFastPathTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<String> REGIONS = List.of("IN", "SG", "US", "GB", "DE", "AU", "AE", "FR", "BR", "CA",
            "IT", "NG", "PK", "BD");

    @Property(tries = 20000)
    void sameVerdictAsTheFullParse(@ForAll("numbers") RegionNumber input) {
        PhoneRule rule = new PhoneRule(input.region());

        PhoneResult fast = rule.normalise(input.number(), true);
        PhoneResult full = rule.normalise(input.number(), false);

        assertThat(fast).as("%s in %s", input.number(), input.region()).isEqualTo(full);
    }

    @Example
    void indianMobilesTakeTheFastPathAndOtherFormsDoNot() {
        MobileFastPath india = MobileFastPath.forRegion(UTIL, "IN");

        assertThat(india.e164("9876543210")).isEqualTo("+919876543210");
        assertThat(india.e164("09876543210")).isEqualTo("+919876543210");
        assertThat(india.e164("+919876543210")).isEqualTo("+919876543210");
        // A lost "+", a landline and another country's number go the full way.
        assertThat(india.e164("919876543210")).isNull();
        assertThat(india.e164("02223456789")).isNull();
        assertThat(india.e164("+6591234567")).isNull();
    }

    @Example
    void regionsWhoseMetadataCouldDisagreeHaveNoFastPath() {
        // GB strips "0|180020" as a pattern; +1 is shared by the US, Canada and the Caribbean.
        assertThat(MobileFastPath.forRegion(UTIL, "GB")).isNull();
        assertThat(MobileFastPath.forRegion(UTIL, "US")).isNull();
    }

    record RegionNumber(String region, String number) {
    }

    @Provide
    Arbitrary<RegionNumber> numbers() {
        Arbitrary<String> region = Arbitraries.of(REGIONS);
        return region.flatMap(r -> Combinators.combine(national(r), Arbitraries.integers().between(0, 7))
                .as((nsn, form) -> new RegionNumber(r, written(r, nsn, form))));
    }

    /** A real mobile number of the region with some digits changed, cut or added. */
    private static Arbitrary<String> national(String region) {
        PhoneNumber example = UTIL.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        String base = example == null ? "9876543210" : UTIL.getNationalSignificantNumber(example);
        Arbitrary<String> tail = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(base.length() + 2);
        return Combinators.combine(Arbitraries.integers().between(0, base.length()), tail)
                .as((keep, more) -> base.substring(0, keep) + more);
    }

    private static String written(String region, String nsn, int form) {
        String cc = Integer.toString(UTIL.getCountryCodeForRegion(region));
        switch (form) {
            case 0:
                return nsn;
            case 1:
                return "0" + nsn;
            case 2:
                return "+" + cc + nsn;
            case 3:
                return cc + nsn;
            case 4:
                return "+" + cc + " " + nsn;
            case 5:
                return nsn.length() > 5 ? nsn.substring(0, 5) + "-" + nsn.substring(5) : nsn;
            case 6:
                return "1" + nsn;
            default:
                return "00" + cc + nsn;
        }
    }
}
