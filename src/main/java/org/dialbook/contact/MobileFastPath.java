package org.dialbook.contact;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The common case of {@link PhoneRule#normalise}, answered from libphonenumber's own metadata without
 * its general parser: a mobile number of the default country written bare ({@code 9876543210}), with
 * the national prefix ({@code 09876543210}) or with the country code ({@code +919876543210}). The
 * full parse runs a dozen regular expressions a number, and it was most of an import's CPU.
 *
 * <p>It answers only where libphonenumber provably gives the same verdict: the country code belongs
 * to this one region (so no other region can claim the number), the national prefix is plain digits
 * with no transform rule, and the national number matches the region's general and mobile
 * descriptions (then {@code isValidNumber} is true and the E.164 form is {@code +cc} and the
 * national number). Anything else returns null and goes the full way. {@code MobileFastPathTest}
 * checks it against the full parse.
 */
final class MobileFastPath {
    private final String countryPrefix;
    /** The national prefix people dial ("0" in India), or null when it cannot be handled here. */
    private final String nationalPrefix;
    private final DescMatcher general;
    private final DescMatcher mobile;

    private MobileFastPath(String countryPrefix, String nationalPrefix, DescMatcher general, DescMatcher mobile) {
        this.countryPrefix = countryPrefix;
        this.nationalPrefix = nationalPrefix;
        this.general = general;
        this.mobile = mobile;
    }

    /** The fast path of {@code region}, or null when its metadata does not allow one. */
    static MobileFastPath forRegion(PhoneNumberUtil util, String region) {
        int countryCode = util.getCountryCodeForRegion(region);
        if (countryCode == 0 || util.getRegionCodesForCountryCode(countryCode).size() != 1) {
            return null;
        }
        PhoneMetadata metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                .getMetadataForRegion(region);
        if (metadata == null || !metadata.getNationalPrefixTransformRule().isEmpty()
                || !metadata.getGeneralDesc().hasNationalNumberPattern()
                || !metadata.getMobile().hasNationalNumberPattern() || metadata.getSameMobileAndFixedLinePattern()) {
            return null;
        }
        String forParsing = metadata.getNationalPrefixForParsing();
        if (!forParsing.isEmpty() && !isDigits(forParsing)) {
            // A pattern such as GB's "0|180020" could strip digits from a number that does not start
            // with the prefix; only the full parse knows.
            return null;
        }
        if (!forParsing.isEmpty() && !forParsing.equals(metadata.getNationalPrefix())) {
            return null;
        }
        String prefix = forParsing.isEmpty() ? null : forParsing;
        DescMatcher general = new DescMatcher(metadata.getGeneralDesc(), metadata.getGeneralDesc().getPossibleLengthList());
        PhoneNumberDesc mobile = metadata.getMobile();
        return new MobileFastPath("+" + countryCode, prefix, general,
                new DescMatcher(mobile, mobile.getPossibleLengthList()));
    }

    /**
     * @param cleaned a number after {@link PhoneRule#strip}: digits, perhaps with a leading "+"
     * @return the E.164 form when this is a valid mobile number written one of the plain ways, else null
     */
    String e164(String cleaned) {
        String national;
        if (cleaned.startsWith(countryPrefix)) {
            national = cleaned.substring(countryPrefix.length());
        } else if (cleaned.startsWith("+")) {
            return null;
        } else if (nationalPrefix != null && cleaned.startsWith(nationalPrefix)) {
            national = cleaned.substring(nationalPrefix.length());
        } else {
            national = cleaned;
        }
        if (national.isEmpty() || national.charAt(0) == '0'
                || (nationalPrefix != null && national.startsWith(nationalPrefix)) || !isDigits(national)
                || !general.matches(national) || !mobile.matches(national)) {
            return null;
        }
        return countryPrefix + national;
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    /** libphonenumber's {@code isNumberMatchingDesc}: a possible length, then the whole pattern. */
    private static final class DescMatcher {
        private final Pattern pattern;
        private final boolean[] lengths = new boolean[20];
        /** No lengths listed: the pattern alone decides, as in libphonenumber. */
        private final boolean anyLength;

        DescMatcher(PhoneNumberDesc desc, List<Integer> possibleLengths) {
            this.pattern = Pattern.compile(desc.getNationalNumberPattern());
            this.anyLength = possibleLengths.isEmpty();
            for (int length : possibleLengths) {
                if (length < lengths.length) {
                    lengths[length] = true;
                }
            }
        }

        boolean matches(String national) {
            boolean possible = anyLength || national.length() < lengths.length && lengths[national.length()];
            return possible && pattern.matcher(national).matches();
        }
    }
}
