package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Map;

/**
 * The bodies Kaleyra answers, in the spec's exact shapes and wording (key order as in the spec), plus
 * the sandbox's own 404/405 bodies. The only addition to a spec body is the {@code detail} key in a
 * naturally failed WA400's {@code error} object, which names the rule that failed.
 */
final class KaleyraReplies {

    private KaleyraReplies() {
    }

    static Reply accepted(String messageId) {
        JsonObject body = Json.createObjectBuilder()
                .add("code", "WA202")
                .add("message", "Request Accepted")
                .add("data", Json.createObjectBuilder().add("message_id", messageId))
                .add("error", JsonValue.EMPTY_JSON_OBJECT)
                .build();
        return Reply.json(202, body.toString());
    }

    /** The spec's sample success body as printed: commas missing after "WA202" and after "data". */
    static Reply malformedAccepted(String messageId) {
        String body = "{\n\"code\":\"WA202\"\n\"message\":\"Request Accepted\",\n\"data\":{\n\"message_id\":\""
                + messageId + "\"\n}\n\"error\":{}\n}";
        return Reply.json(202, body);
    }

    static Reply authFailure() {
        String message = "Incorrect SID or API key.";
        return error(401, "RBC001", message, JsonValue.EMPTY_JSON_ARRAY, Json.createObjectBuilder().add("error", message));
    }

    static Reply phoneNumberNotOnAccount() {
        return simpleError(401, "WA401", "Phone number is not present or does not belong to the account.", "phone_number");
    }

    static Reply badPayload() {
        return badPayloadBody(null);
    }

    /** WA400 naming the rule that failed in {@code error.detail} and in the {@code x-sandbox-detail} header. */
    static Reply badPayload(String detail) {
        Reply reply = badPayloadBody(detail);
        return new Reply(reply.status(), reply.contentType(), reply.body(), Map.of("x-sandbox-detail", asciiOnly(detail)));
    }

    private static Reply badPayloadBody(String detail) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("payload", "Incorrect payload format");
        if (detail != null) {
            error.add("detail", detail);
        }
        return error(400, "WA400", "Refer to correct payload format", JsonValue.EMPTY_JSON_OBJECT, error);
    }

    static Reply serverError() {
        return error(500, "WA500", "Please try again later", JsonValue.EMPTY_JSON_OBJECT,
                Json.createObjectBuilder().add("error", "Internal server error"));
    }

    static Reply lowBalance() {
        return simpleError(400, "E110", "Please check your balance, You have a low balance!", "balance");
    }

    static Reply accountNotEnabled() {
        return simpleError(401, "WA-401",
                "API is not available for given customer.Please contact support for more info", "account");
    }

    static Reply wrongApiVersion() {
        return simpleError(401, "WA-401", "The phone number you're using is associated with different Version of"
                + " our WA API. Please use the appropriate endpoint.", "phone_number");
    }

    static Reply unknownCode() {
        return simpleError(400, "WAV2101", "Recipient is not a valid WhatsApp user or has not accepted the"
                + " latest WhatsApp terms.", "to");
    }

    /** A success status whose JSON carries no message id at all. */
    static Reply emptyOk() {
        return Reply.json(200, "{}");
    }

    static Reply noContent() {
        return Reply.json(204, "");
    }

    /** A gateway's own JSON error in front of Kaleyra: not one of Kaleyra's codes. */
    static Reply gatewayTimeoutJson() {
        return Reply.json(504, Json.createObjectBuilder()
                .add("code", "GATEWAY_TIMEOUT")
                .add("message", "The upstream server did not respond in time")
                .build().toString());
    }

    /** Rate limited: try again after the given number of seconds. */
    static Reply rateLimited(int retryAfterSeconds) {
        Reply reply = error(429, "TOO_MANY_REQUESTS", "Too many requests, please retry after " + retryAfterSeconds
                + " second(s)", JsonValue.EMPTY_JSON_OBJECT, Json.createObjectBuilder().add("rate", "limit exceeded"));
        return new Reply(reply.status(), reply.contentType(), reply.body(),
                Map.of("retry-after", String.valueOf(retryAfterSeconds)));
    }

    static Reply htmlBadGateway() {
        String page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new Reply(502, "text/html", page);
    }

    static Reply notFound(String rawPath) {
        return error(404, "NOT_FOUND", "No such endpoint in the Kaleyra sandbox; expected POST"
                        + " /v2/{sid}/whatsapp/{phone_number}/messages", JsonValue.EMPTY_JSON_OBJECT,
                Json.createObjectBuilder().add("path", rawPath));
    }

    static Reply methodNotAllowed(String method, String allowed) {
        Reply reply = error(405, "METHOD_NOT_ALLOWED", "Method " + method + " is not allowed here; use " + allowed,
                JsonValue.EMPTY_JSON_OBJECT, Json.createObjectBuilder().add("method", method));
        return new Reply(reply.status(), reply.contentType(), reply.body(), Map.of("allow", allowed));
    }

    private static Reply simpleError(int status, String code, String message, String errorKey) {
        return error(status, code, message, JsonValue.EMPTY_JSON_OBJECT, Json.createObjectBuilder().add(errorKey, message));
    }

    private static Reply error(int status, String code, String message, JsonValue data, JsonObjectBuilder error) {
        JsonObject body = Json.createObjectBuilder()
                .add("code", code)
                .add("message", message)
                .add("data", data)
                .add("error", error)
                .build();
        return Reply.json(status, body.toString());
    }

    private static String asciiOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f ? (char) cp : '?'));
        return out.toString();
    }
}
