package io.kaleyracta.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request the sandbox received on its API side (viewer pages are not recorded), with the
 * answer it gave.
 *
 * @param method       HTTP method as sent
 * @param rawPath      the path exactly as sent on the wire, percent-escapes untouched, no query
 * @param headers      request headers; names lower-cased, values in arrival order
 * @param body         the request body decoded as UTF-8 (malformed bytes replaced; see {@link #bodyBytes()})
 * @param status       HTTP status the sandbox answered
 * @param responseBody the body the sandbox answered (UTF-8 text)
 * @param bodyBytes    the request body byte for byte
 */
public record RecordedRequest(String method, String rawPath, Map<String, List<String>> headers,
                              String body, int status, String responseBody, byte[] bodyBytes) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        bodyBytes = bodyBytes.clone();
    }

    /** Convenience constructor taking the body as bytes. */
    public RecordedRequest(String method, String rawPath, Map<String, List<String>> headers,
                           byte[] bodyBytes, int status, String responseBody) {
        this(method, rawPath, headers, new String(bodyBytes, StandardCharsets.UTF_8), status, responseBody,
                bodyBytes);
    }

    /** The record's shape without the raw bytes: the body is taken as UTF-8 text. */
    public RecordedRequest(String method, String rawPath, Map<String, List<String>> headers,
                           String body, int status, String responseBody) {
        this(method, rawPath, headers, body, status, responseBody, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of a header (name matched case-insensitively), or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The request body byte for byte (a copy). */
    @Override
    public byte[] bodyBytes() {
        return bodyBytes.clone();
    }

    /** Never prints header values: the api-key header is among them. */
    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + rawPath + " -> " + status + ", headers=" + headers.keySet()
                + ", body=" + body + "]";
    }
}
