package org.dialbook.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser that remembers where every value sits in the source text. The sandbox
 * needs that to hand {@code custom_field} back byte-for-byte as it was sent, which a tree parser
 * such as Gson cannot do (it drops whitespace and re-spells numbers). It is also deliberately
 * independent of the client's Gson mapping, so a bug on one side cannot cancel a bug on the other.
 */
final class JsonSource {

    /** Deeper nesting is refused instead of risking a stack overflow on hostile input. */
    static final int MAX_DEPTH = 256;

    enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        TRUE,
        FALSE,
        NULL
    }

    /** One parsed value and its span [start, end) in the source. */
    static final class Node {
        private final Kind kind;
        private final int start;
        private final int end;
        private final String string;
        private final Map<String, Node> members;
        private final List<Node> elements;

        private Node(Kind kind, int start, int end, String string, Map<String, Node> members, List<Node> elements) {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.string = string;
            this.members = members;
            this.elements = elements;
        }

        Kind kind() {
            return kind;
        }

        boolean is(Kind wanted) {
            return kind == wanted;
        }

        /** The decoded text of a string value. */
        String string() {
            return string;
        }

        /** Members in source order; empty unless an object. */
        Map<String, Node> members() {
            return members;
        }

        /** Elements in order; empty unless an array. */
        List<Node> elements() {
            return elements;
        }

        /** The exact source text of this value. */
        String raw(String source) {
            return source.substring(start, end);
        }
    }

    /** The text is not JSON; the message names the line and column. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private JsonSource(String text) {
        this.text = text;
    }

    static Node parse(String text) throws SyntaxError {
        JsonSource parser = new JsonSource(text);
        parser.skipWhitespace();
        if (parser.pos >= text.length()) {
            throw new SyntaxError("The body is empty; expected a JSON object");
        }
        Node root = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("Unexpected '" + text.charAt(parser.pos) + "' after the end of the JSON value");
        }
        return root;
    }

    private Node value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw error("JSON is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (pos >= text.length()) {
            throw error("Unexpected end of the body; a value is missing");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"': {
                int start = pos;
                String decoded = string();
                return new Node(Kind.STRING, start, pos, decoded, Map.of(), List.of());
            }
            case 't':
                return literal("true", Kind.TRUE);
            case 'f':
                return literal("false", Kind.FALSE);
            case 'n':
                return literal("null", Kind.NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("Unexpected '" + c + "'; expected a JSON value");
        }
    }

    private Node object(int depth) throws SyntaxError {
        int start = pos;
        pos++;
        Map<String, Node> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Node(Kind.OBJECT, start, pos, null, Collections.unmodifiableMap(members), List.of());
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("Expected a quoted member name");
            }
            String name = string();
            skipWhitespace();
            if (peek() != ':') {
                throw error("Expected ':' after the member name \"" + name + "\"");
            }
            pos++;
            skipWhitespace();
            Node member = value(depth + 1);
            if (members.put(name, member) != null) {
                throw error("The member \"" + name + "\" appears twice in one object");
            }
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                pos++;
            } else if (next == '}') {
                pos++;
                return new Node(Kind.OBJECT, start, pos, null, Collections.unmodifiableMap(members), List.of());
            } else {
                throw error("Expected ',' or '}' in an object");
            }
        }
    }

    private Node array(int depth) throws SyntaxError {
        int start = pos;
        pos++;
        List<Node> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Node(Kind.ARRAY, start, pos, null, Map.of(), Collections.unmodifiableList(elements));
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char next = peek();
            if (next == ',') {
                pos++;
            } else if (next == ']') {
                pos++;
                return new Node(Kind.ARRAY, start, pos, null, Map.of(), Collections.unmodifiableList(elements));
            } else {
                throw error("Expected ',' or ']' in an array");
            }
        }
    }

    private String string() throws SyntaxError {
        pos++;
        StringBuilder out = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("A string is not closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = out == null ? text.substring(runStart, pos) : out.append(text, runStart, pos).toString();
                pos++;
                return result;
            }
            if (c < 0x20) {
                throw error("A control character must be escaped inside a string");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, runStart, pos);
                pos++;
                if (pos >= text.length()) {
                    throw error("A string is not closed");
                }
                char escape = text.charAt(pos);
                switch (escape) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 >= text.length()) {
                            throw error("A \\u escape needs four hex digits");
                        }
                        int code = 0;
                        for (int i = 1; i <= 4; i++) {
                            int digit = Character.digit(text.charAt(pos + i), 16);
                            if (digit < 0) {
                                throw error("A \\u escape needs four hex digits");
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                        pos += 4;
                    }
                    default -> throw error("Unknown escape '\\" + escape + "' in a string");
                }
                pos++;
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private Node number() throws SyntaxError {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("A number needs digits");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("A number needs digits after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("A number needs digits in its exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return new Node(Kind.NUMBER, start, pos, null, Map.of(), List.of());
    }

    private Node literal(String word, Kind kind) throws SyntaxError {
        if (!text.startsWith(word, pos)) {
            throw error("Unexpected '" + text.charAt(pos) + "'; expected a JSON value");
        }
        int start = pos;
        pos += word.length();
        return new Node(kind, start, pos, null, Map.of(), List.of());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private SyntaxError error(String problem) {
        int line = 1;
        int column = 1;
        int limit = Math.min(pos, text.length());
        for (int i = 0; i < limit; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String where = pos >= text.length() ? "at the end of the body" : "at line " + line + ", column " + column;
        return new SyntaxError(problem + " " + where);
    }

    /** Appends {@code value} as a JSON string literal. */
    static void writeString(StringBuilder out, String value) {
        out.append('"');
        int runStart = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = null;
            if (c == '"') {
                escape = "\\\"";
            } else if (c == '\\') {
                escape = "\\\\";
            } else if (c < 0x20) {
                escape = switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", (int) c);
                };
            }
            if (escape != null) {
                out.append(value, runStart, i).append(escape);
                runStart = i + 1;
            }
        }
        out.append(value, runStart, value.length()).append('"');
    }

    /** Appends a JSON string literal, or {@code null}. */
    static void writeNullableString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            writeString(out, value);
        }
    }
}
