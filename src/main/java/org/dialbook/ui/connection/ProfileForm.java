package org.dialbook.ui.connection;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.dialbook.api.Region;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ProfileFields;

/**
 * The fields of the profile being edited, with one error text per field (empty when fine) and the
 * overall validity. The URL field takes a pasted Exotel dashboard or API URL, which picks the
 * region; any other URL is a custom server (a proxy, or the local sandbox).
 */
public final class ProfileForm {
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Region> region = new SimpleObjectProperty<>(Region.SINGAPORE);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty accountSid = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty apiToken = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty(ProfileFields.DEFAULT_COUNTRY);
    /** Requests a minute; empty for Exotel's published limits. */
    private final StringProperty writesPerMinute = new SimpleStringProperty("");
    private final StringProperty readsPerMinute = new SimpleStringProperty("");
    /** True while the built-in sandbox is shown: nothing to edit, always valid. */
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<String> editingId = new SimpleObjectProperty<>();

    private final StringBinding nameError;
    private final StringBinding urlError;
    private final StringBinding accountSidError;
    private final StringBinding apiKeyError;
    private final StringBinding apiTokenError;
    private final StringBinding countryError;
    private final StringBinding budgetError;
    private final StringBinding regionNote;
    private final BooleanBinding customServer;
    private final StringBinding firstError;
    private final BooleanBinding valid;

    /** @param nameTaken (name, id of the profile being edited or null) -> another profile has it */
    public ProfileForm(BiPredicate<String, String> nameTaken) {
        nameError = error(() -> ProfileFields.checkName(name.get()).or(() -> nameTaken.test(name.get(), editingId.get())
                ? Optional.of("Another profile is already called '" + name.get().strip() + "'")
                : Optional.empty()), name, editingId);
        urlError = error(() -> customUrl() == null ? Optional.empty() : ProfileFields.checkBaseUrl(customUrl()), url);
        accountSidError = error(() -> ProfileFields.checkAccountSid(accountSid.get()), accountSid);
        apiKeyError = error(() -> ProfileFields.checkSecret(apiKey.get(), "API key"), apiKey);
        apiTokenError = error(() -> ProfileFields.checkSecret(apiToken.get(), "API token"), apiToken);
        countryError = error(() -> ProfileFields.checkCountry(country.get()), country);
        budgetError = error(() -> budgetProblem(writesPerMinute.get(), "Writes a minute")
                .or(() -> budgetProblem(readsPerMinute.get(), "Reads a minute")), writesPerMinute, readsPerMinute);
        regionNote = Bindings.createStringBinding(this::describeRegionChoice, url, region);
        customServer = Bindings.createBooleanBinding(() -> customUrl() != null, url);
        firstError = Bindings.createStringBinding(() -> Stream.of(nameError, urlError, accountSidError, apiKeyError,
                        apiTokenError, countryError, budgetError).map(StringBinding::get).filter(text -> !text.isEmpty())
                .findFirst().orElse(""),
                nameError, urlError, accountSidError, apiKeyError, apiTokenError, countryError, budgetError);
        valid = readOnly.or(Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && urlError.get().isEmpty()
                        && accountSidError.get().isEmpty() && apiKeyError.get().isEmpty()
                        && apiTokenError.get().isEmpty() && countryError.get().isEmpty() && budgetError.get().isEmpty(),
                nameError, urlError, accountSidError, apiKeyError, apiTokenError, countryError, budgetError));

        // A pasted dashboard URL picks the region: the user knows their dashboard, not their region.
        url.addListener((obs, old, text) -> Region.fromUrl(text).ifPresent(region::set));
        // Picking the other region by hand overrides an Exotel URL pasted earlier.
        region.addListener((obs, old, picked) -> Region.fromUrl(url.get())
                .filter(fromUrl -> picked != null && fromUrl != picked).ifPresent(stale -> url.set("")));
    }

    private StringBinding error(Supplier<Optional<String>> check,
            Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        System.arraycopy(dependencies, 0, all, 0, dependencies.length);
        all[dependencies.length] = readOnly;
        return Bindings.createStringBinding(() -> readOnly.get() ? "" : check.get().orElse(""), all);
    }

    private static Optional<String> budgetProblem(String text, String what) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (!text.strip().matches("\\d{1,9}")) {
            return Optional.of(what + " must be a whole number, or empty for Exotel's published limit");
        }
        return ProfileFields.checkBudget(Integer.valueOf(text.strip()), what);
    }

    private static Integer budget(String text) {
        return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    }

    private static String budgetText(Integer perMinute) {
        return perMinute == null ? "" : perMinute.toString();
    }

    /** The URL field when it names a server other than an Exotel region's; else null. */
    private String customUrl() {
        String text = url.get();
        if (text == null || text.isBlank() || Region.fromUrl(text).isPresent()) {
            return null;
        }
        return text.strip();
    }

    private String describeRegionChoice() {
        if (customUrl() != null) {
            return "A server of its own: the region is not used.";
        }
        if (Region.fromUrl(url.get()).isPresent()) {
            return "Region " + region.get().displayName() + ", picked from the URL you pasted.";
        }
        return "";
    }

    void clear() {
        editingId.set(null);
        readOnly.set(false);
        name.set("");
        region.set(Region.SINGAPORE);
        url.set("");
        accountSid.set("");
        apiKey.set("");
        apiToken.set("");
        country.set(ProfileFields.DEFAULT_COUNTRY);
        writesPerMinute.set("");
        readsPerMinute.set("");
    }

    /** Shows a profile; secrets arrive later via {@link #fillSecrets} (they come from the keychain). */
    void load(ConnectionProfile profile) {
        editingId.set(profile.id());
        readOnly.set(profile.sandbox());
        name.set(profile.name());
        url.set(profile.customBaseUrl() == null ? "" : profile.customBaseUrl());
        region.set(profile.region() == null ? Region.SINGAPORE : profile.region());
        accountSid.set(profile.sandbox() ? "" : profile.accountSid());
        apiKey.set("");
        apiToken.set("");
        country.set(profile.defaultCountry());
        writesPerMinute.set(budgetText(profile.writesPerMinute()));
        readsPerMinute.set(budgetText(profile.readsPerMinute()));
    }

    /** After a new profile was saved: later saves replace it rather than add another. */
    void markEditing(String id) {
        editingId.set(id);
    }

    /** Fills the secrets read from the keychain, unless the user already typed into those fields. */
    void fillSecrets(ApiCredentials credentials) {
        if (apiKey.get() == null || apiKey.get().isEmpty()) {
            apiKey.set(credentials.apiKey());
        }
        if (apiToken.get() == null || apiToken.get().isEmpty()) {
            apiToken.set(credentials.apiToken());
        }
    }

    /** @throws IllegalArgumentException when invalid (the bindings say why beforehand) */
    ConnectionProfile toProfile() {
        String id = editingId.get() == null ? ConnectionProfile.newId() : editingId.get();
        return new ConnectionProfile(id, name.get(), customUrl() == null ? region.get() : null, customUrl(),
                accountSid.get(), country.get(), false, budget(writesPerMinute.get()), budget(readsPerMinute.get()));
    }

    ApiCredentials toCredentials() {
        return new ApiCredentials(apiKey.get(), apiToken.get());
    }

    public StringProperty writesPerMinuteProperty() {
        return writesPerMinute;
    }

    public StringProperty readsPerMinuteProperty() {
        return readsPerMinute;
    }

    public StringBinding budgetError() {
        return budgetError;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Region> regionProperty() {
        return region;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty accountSidProperty() {
        return accountSid;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty apiTokenProperty() {
        return apiToken;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public StringBinding nameError() {
        return nameError;
    }

    public StringBinding urlError() {
        return urlError;
    }

    public StringBinding accountSidError() {
        return accountSidError;
    }

    public StringBinding apiKeyError() {
        return apiKeyError;
    }

    public StringBinding apiTokenError() {
        return apiTokenError;
    }

    public StringBinding countryError() {
        return countryError;
    }

    /** What the region/URL combination means, for a line under the region choice. */
    public StringBinding regionNote() {
        return regionNote;
    }

    /** True when the URL field names a server of its own, so the region choice does not apply. */
    public BooleanBinding customServer() {
        return customServer;
    }

    /** The first field's error, to show in words next to the disabled buttons; empty when valid. */
    public StringBinding firstError() {
        return firstError;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
