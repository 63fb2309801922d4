package org.dialbook.api;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A JSON request body held as the UTF-8 bytes it was written into. Sending hands the buffer's
 * segments to the socket's sink without copying them into a string or an array first.
 */
final class JsonRequestBody extends RequestBody {
    // Exactly "application/json" as CONTRACT.md says, with no "; charset=utf-8" appended.
    private static final MediaType JSON = MediaType.get("application/json");

    private final Buffer bytes;

    JsonRequestBody(Buffer bytes) {
        this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
        return JSON;
    }

    @Override
    public long contentLength() {
        return bytes.size();
    }

    @Override
    public void writeTo(BufferedSink sink) throws java.io.IOException {
        // A copy shares the segments, and leaves this body whole for another attempt.
        Buffer copy = bytes.copy();
        sink.write(copy, copy.size());
    }
}
