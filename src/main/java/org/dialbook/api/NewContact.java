package org.dialbook.api;

import com.google.gson.JsonElement;
import java.util.Objects;

/**
 * A contact to create. Only {@code number} is mandatory; null fields are left out of the request.
 */
public record NewContact(
        String number,
        String firstName,
        String lastName,
        String companyName,
        String email,
        String tag,
        JsonElement customField) {

    public NewContact {
        Objects.requireNonNull(number, "number");
    }

    public static NewContact of(String number) {
        return new NewContact(number, null, null, null, null, null, null);
    }

    public static Builder builder(String number) {
        return new Builder(number);
    }

    /** Fluent construction for the many optional fields. */
    public static final class Builder {
        private final String number;
        private String firstName;
        private String lastName;
        private String companyName;
        private String email;
        private String tag;
        private JsonElement customField;

        private Builder(String number) {
            this.number = number;
        }

        public Builder firstName(String value) {
            this.firstName = value;
            return this;
        }

        public Builder lastName(String value) {
            this.lastName = value;
            return this;
        }

        public Builder companyName(String value) {
            this.companyName = value;
            return this;
        }

        public Builder email(String value) {
            this.email = value;
            return this;
        }

        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        public Builder customField(JsonElement value) {
            this.customField = value;
            return this;
        }

        public NewContact build() {
            return new NewContact(number, firstName, lastName, companyName, email, tag, customField);
        }
    }
}
