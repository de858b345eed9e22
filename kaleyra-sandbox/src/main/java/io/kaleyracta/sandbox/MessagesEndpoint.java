package io.kaleyracta.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v2/{sid}/whatsapp/{phone_number}/messages}: the checks in the order Kaleyra makes them
 * (path, method, SID and api-key, business number, Content-Type, payload), then the reserved-recipient
 * triggers, then 202.
 */
final class MessagesEndpoint {

    private static final int REF_MAX = 255;
    private static final int OUTAGE_FAILURES = 3;

    private final SandboxState state;

    MessagesEndpoint(SandboxState state) {
        this.state = state;
    }

    Reply handle(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {
        String[] segments = rawPath.split("/", -1);
        if (segments.length != 6 || !segments[0].isEmpty() || !segments[1].equals("v2")
                || !segments[3].equals("whatsapp") || !segments[5].equals("messages")
                || segments[2].isEmpty() || segments[4].isEmpty()) {
            return KaleyraReplies.notFound(rawPath);
        }
        if (!method.equals("POST")) {
            return KaleyraReplies.methodNotAllowed(method, "POST");
        }
        String sid = decode(segments[2]);
        List<String> apiKeys = headers.getOrDefault("api-key", List.of());
        if (!KaleyraSandbox.SID.equals(sid) || apiKeys.size() != 1 || !KaleyraSandbox.API_KEY.equals(apiKeys.get(0))) {
            return KaleyraReplies.authFailure();
        }
        String businessNumber = decode(segments[4]);
        if (!state.isBusinessNumber(businessNumber)) {
            return KaleyraReplies.phoneNumberNotOnAccount();
        }
        String contentTypeProblem = contentTypeProblem(headers.get("content-type"));
        if (contentTypeProblem != null) {
            return KaleyraReplies.badPayload(contentTypeProblem);
        }
        CtaPayload payload;
        try {
            payload = PayloadValidator.validate(body);
        } catch (PayloadRejectedException e) {
            return KaleyraReplies.badPayload(e.getMessage());
        }
        return Trigger.forRecipient(payload.to())
                .map(trigger -> triggered(trigger, businessNumber, payload))
                .orElseGet(() -> KaleyraReplies.accepted(accept(businessNumber, payload)));
    }

    private Reply triggered(Trigger trigger, String businessNumber, CtaPayload payload) {
        switch (trigger) {
            case AUTH_FAILURE:
                return KaleyraReplies.authFailure();
            case LOW_BALANCE:
                return KaleyraReplies.lowBalance();
            case BAD_PAYLOAD:
                return KaleyraReplies.badPayload();
            case ACCOUNT_NOT_ENABLED:
                return KaleyraReplies.accountNotEnabled();
            case WRONG_API_VERSION:
                return KaleyraReplies.wrongApiVersion();
            case SERVER_ERROR:
                return KaleyraReplies.serverError();
            case FLAKY:
                return state.nextFlakyCall(payload.to()) % 3 == 0
                        ? KaleyraReplies.accepted(accept(businessNumber, payload))
                        : KaleyraReplies.serverError();
            case OUTAGE_THEN_RECOVERY:
                return state.nextOutageCall(payload.to()) > OUTAGE_FAILURES
                        ? KaleyraReplies.accepted(accept(businessNumber, payload))
                        : KaleyraReplies.serverError();
            case HTML_BAD_GATEWAY:
                return KaleyraReplies.htmlBadGateway();
            case SLOW:
                pause();
                return KaleyraReplies.accepted(accept(businessNumber, payload));
            case MALFORMED_ACCEPTED:
                return KaleyraReplies.malformedAccepted(accept(businessNumber, payload));
            case UNKNOWN_CODE:
                return KaleyraReplies.unknownCode();
            case EMPTY_OK:
                return KaleyraReplies.emptyOk();
            case NO_CONTENT:
                return KaleyraReplies.noContent();
            case GATEWAY_TIMEOUT_JSON:
                return KaleyraReplies.gatewayTimeoutJson();
            case RATE_LIMITED:
                return state.nextRateLimitedCall(payload.to()) % 2 == 0
                        ? KaleyraReplies.accepted(accept(businessNumber, payload))
                        : KaleyraReplies.rateLimited(1);
            default:
                throw new IllegalStateException("no reply for trigger " + trigger);
        }
    }

    private String accept(String businessNumber, CtaPayload p) {
        String id = MessageIds.next();
        AcceptedMessage message = new AcceptedMessage(id, Instant.now(), businessNumber, p.to(), p.headerText(),
                p.bodyText(), p.footerText(), p.buttonText(), p.buttonUrl(), cut(p.ref()), cut(p.ref1()), cut(p.ref2()),
                p.waSource(), p.mediaHeader());
        state.accept(message);
        state.callbacks().beforeReply(message);
        return id;
    }

    private void pause() {
        try {
            Thread.sleep(state.slowDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Null when the Content-Type is {@code application/json}, optionally with {@code charset=utf-8}. */
    static String contentTypeProblem(List<String> values) {
        if (values == null || values.isEmpty()) {
            return "Content-Type header is missing; the only allowed value is application/json";
        }
        String value = values.get(0);
        String[] parts = value.split(";");
        if (values.size() > 1 || !parts[0].trim().equalsIgnoreCase("application/json")) {
            return "Content-Type must be application/json but was \"" + String.join(", ", values) + "\"";
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].trim().toLowerCase(Locale.ROOT);
            String charset = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
            if (!name.equals("charset") || !charset.equalsIgnoreCase("utf-8")) {
                return "Content-Type parameter \"" + parts[i].trim() + "\" is not allowed; only charset=utf-8";
            }
        }
        return null;
    }

    /** Percent-decodes a path segment; unlike form decoding, a {@code +} stays a plus. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String cut(String ref) {
        if (ref == null || ref.codePointCount(0, ref.length()) <= REF_MAX) {
            return ref;
        }
        return ref.substring(0, ref.offsetByCodePoints(0, REF_MAX));
    }
}
