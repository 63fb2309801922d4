package org.dialbook.api;

/**
 * An {@code error_data} object, or a transport-level description when there was none.
 *
 * @param httpCode the HTTP status of the item or response; 0 when no response was received
 * @param code Exotel's {@code error_data.code} (e.g. 1000), or null when the server sent none
 */
public record ApiError(int httpCode, Integer code, String message, String description) {

    /** One line for people: "404 / 1000 Not Found: Contact not found". */
    public String summary() {
        StringBuilder text = new StringBuilder();
        if (httpCode > 0) {
            text.append(httpCode);
        }
        if (code != null) {
            text.append(text.length() > 0 ? " / " : "").append(code);
        }
        if (message != null && !message.isBlank()) {
            text.append(text.length() > 0 ? " " : "").append(message);
        }
        if (description != null && !description.isBlank() && !description.equals(message)) {
            text.append(text.length() > 0 ? ": " : "").append(description);
        }
        return text.toString();
    }
}
