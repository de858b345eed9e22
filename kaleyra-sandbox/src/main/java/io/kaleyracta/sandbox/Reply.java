package io.kaleyracta.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the sandbox answers: status, content type, body and any extra headers. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String HTML = "text/html; charset=utf-8";

    Reply(int status, String contentType, String body) {
        this(status, contentType, body, Map.of());
    }

    static Reply json(int status, String body) {
        return new Reply(status, JSON, body);
    }

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
