package org.dialbook.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the envelope and contacts as JSON text, by hand: the sandbox's own wire mapping, separate
 * from the client's, and able to splice {@code custom_field} in exactly as it was received.
 */
final class Wire {

    /** Why one item (or a whole request) failed. {@code code} is Exotel's error code, or null for 429/5xx. */
    record Problem(int http, Integer code, String description) {
        static Problem notFound() {
            return new Problem(404, 1000, "Contact not found");
        }

        static Problem otherAccount() {
            return new Problem(403, 1003, "The contact belongs to another account");
        }

        static Problem missing(String description) {
            return new Problem(400, 1001, description);
        }

        static Problem invalid(String description) {
            return new Problem(400, 1002, description);
        }

        static Problem malformed(String description) {
            return new Problem(400, 1007, description);
        }
    }

    private Wire() {
    }

    static String reason(int http) {
        return switch (http) {
            case 200 -> "OK";
            case 207 -> "Multi-Status";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> http >= 500 ? "Internal Server Error" : "Error";
        };
    }

    static void openEnvelope(StringBuilder out, String requestId, String method, int http) {
        out.append("{\"request_id\":\"").append(requestId).append("\",\"method\":");
        JsonSource.writeString(out, method);
        out.append(",\"http_code\":").append(http);
    }

    static void bulkMetadata(StringBuilder out, int failed, int total, int success) {
        out.append(",\"metadata\":{\"failed\":").append(failed).append(",\"total\":").append(total)
                .append(",\"success\":").append(success).append('}');
    }

    static void listMetadata(StringBuilder out, int count, int offset, int limit, int total) {
        out.append(",\"metadata\":{\"count\":").append(count).append(",\"offset\":").append(offset)
                .append(",\"limit\":").append(limit).append(",\"total\":").append(total).append('}');
    }

    /** A whole-request error: the envelope with one failure item as {@code response}. */
    static String errorEnvelope(String requestId, String method, Problem problem) {
        StringBuilder out = new StringBuilder(256);
        openEnvelope(out, requestId, method, problem.http());
        out.append(",\"response\":");
        failureItem(out, problem);
        return out.append('}').toString();
    }

    static void successItem(StringBuilder out, StoredContact contact, List<ContactList> lists) {
        out.append("{\"code\":200,\"error_data\":null,\"status\":\"success\",\"data\":");
        contact(out, contact, lists);
        out.append('}');
    }

    static void failureItem(StringBuilder out, Problem problem) {
        out.append("{\"code\":").append(problem.http()).append(",\"error_data\":{\"code\":")
                .append(problem.code() == null ? "null" : problem.code().toString()).append(",\"message\":");
        JsonSource.writeString(out, reason(problem.http()));
        out.append(",\"description\":");
        JsonSource.writeString(out, problem.description());
        out.append("},\"status\":\"failure\",\"data\":null}");
    }

    /** The contact object; {@code lists} is written only when not null ({@code filter=show_list}). */
    static void contact(StringBuilder out, StoredContact contact, List<ContactList> lists) {
        out.append("{\"sid\":\"").append(contact.sid())
                .append("\",\"date_created\":\"").append(timestamp(contact.createdMicros()))
                .append("\",\"date_updated\":\"").append(timestamp(contact.updatedMicros()))
                .append("\",\"account_sid\":");
        JsonSource.writeString(out, contact.accountSid());
        out.append(",\"number\":");
        JsonSource.writeString(out, contact.number());
        out.append(",\"first_name\":");
        JsonSource.writeNullableString(out, contact.firstName());
        out.append(",\"last_name\":");
        JsonSource.writeNullableString(out, contact.lastName());
        out.append(",\"company_name\":");
        JsonSource.writeNullableString(out, contact.companyName());
        out.append(",\"email\":");
        JsonSource.writeNullableString(out, contact.email());
        out.append(",\"tag\":");
        JsonSource.writeNullableString(out, contact.tag());
        out.append(",\"custom_field\":").append(contact.customField() == null ? "null" : contact.customField());
        out.append(",\"uri\":");
        JsonSource.writeString(out, contact.uri());
        if (lists != null) {
            out.append(",\"lists\":[");
            for (int i = 0; i < lists.size(); i++) {
                ContactList list = lists.get(i);
                out.append(i == 0 ? "" : ",").append("{\"sid\":\"").append(list.sid()).append("\",\"name\":");
                JsonSource.writeString(out, list.name());
                out.append('}');
            }
            out.append(']');
        }
        out.append('}');
    }

    /** RFC 3339 in UTC with microseconds, e.g. {@code 2026-11-26T14:05:09.123456Z}. */
    static String timestamp(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, fraction * 1000, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return FALLBACK.format(time.atOffset(ZoneOffset.UTC));
        }
        // By hand: this runs twice per contact in every answer, and a DateTimeFormatter with a zone
        // showed up in the ingest profile.
        char[] out = new char[27];
        digits(out, 0, time.getYear(), 4);
        out[4] = '-';
        digits(out, 5, time.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, time.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, time.getHour(), 2);
        out[13] = ':';
        digits(out, 14, time.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, time.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, fraction, 6);
        out[26] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
}
