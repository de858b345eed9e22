package io.kaleyracta.sandbox;

import java.util.Optional;

/**
 * Reserved recipient numbers ({@code messaging_object.to}) that make the sandbox answer a documented
 * failure (or an odd success) instead of a plain 202. A trigger applies only after every natural check
 * passed (path, SID, api-key, business number, Content-Type, payload), so the request that provokes it
 * is a valid one. Recipients match with or without the leading {@code +}.
 */
public enum Trigger {

    /** 401 {@code RBC001} "Incorrect SID or API key." (with {@code "data": []}, as Kaleyra sends it). */
    AUTH_FAILURE("+919000000001"),

    /** 400 {@code E110} "Please check your balance, You have a low balance!". */
    LOW_BALANCE("+919000000110"),

    /** 400 {@code WA400} "Refer to correct payload format", exactly the spec's body. */
    BAD_PAYLOAD("+919000000400"),

    /** 401 {@code WA-401}, account variant: "API is not available for given customer...". */
    ACCOUNT_NOT_ENABLED("+919000000401"),

    /** 401 {@code WA-401}, phone number version variant: "...associated with different Version of our WA API...". */
    WRONG_API_VERSION("+919000000426"),

    /** 500 {@code WA500} "Please try again later", on every request. */
    SERVER_ERROR("+919000000500"),

    /**
     * 500 {@code WA500}, 500 {@code WA500}, then 202, counted per recipient; the cycle starts again after
     * the 202. {@link KaleyraSandbox#reset()} restarts it.
     */
    FLAKY("+919000000503"),

    /**
     * An outage that outlasts a client's in-call retries, then recovers: 500 {@code WA500} for the first
     * three requests to the recipient, 202 for every request after that, counted per recipient.
     * {@link KaleyraSandbox#reset()} starts the outage again. For journeys that retry later (a timer).
     */
    OUTAGE_THEN_RECOVERY("+919000000505"),

    /** 502 with a {@code text/html} nginx "502 Bad Gateway" page: no Kaleyra JSON at all. */
    HTML_BAD_GATEWAY("+919000000502"),

    /** Waits {@link KaleyraSandbox#slowDelay(java.time.Duration)} (3 s by default), then 202. */
    SLOW("+919000000504"),

    /**
     * 202 with the spec's sample body as printed, commas missing, so it is not valid JSON. The message is
     * accepted and recorded all the same (with a fresh id, which appears in the malformed body).
     */
    MALFORMED_ACCEPTED("+919000000202"),

    /** 400 with a code the spec does not list, {@code WAV2101}, and a plausible message. */
    UNKNOWN_CODE("+919000002101"),

    /**
     * 200 with the JSON body {@code {}}: a success status without a message id, as a proxy or a wrong base URL
     * might answer. Not recorded as accepted.
     */
    EMPTY_OK("+919000000200"),

    /** 204 No Content with no body at all (a wrong base URL pointing at some other service). Not accepted. */
    NO_CONTENT("+919000000204"),

    /**
     * 504 with a gateway's own JSON, {@code {"code":"GATEWAY_TIMEOUT","message":"The upstream server did not
     * respond in time"}}: a code that is not Kaleyra's, after which the message may or may not have been taken.
     */
    GATEWAY_TIMEOUT_JSON("+919000005040"),

    /**
     * 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After: 1}, then 202, counted per recipient; the cycle starts
     * again after the 202. {@link KaleyraSandbox#reset()} restarts it.
     */
    RATE_LIMITED("+919000000429");

    private final String recipient;

    Trigger(String recipient) {
        this.recipient = recipient;
    }

    /** The reserved recipient number in E.164 form, e.g. {@code +919000000110}. */
    public String recipient() {
        return recipient;
    }

    /** The trigger reserved for this recipient (compared without a leading {@code +}), if any. */
    public static Optional<Trigger> forRecipient(String to) {
        String digits = withoutPlus(to);
        for (Trigger trigger : values()) {
            if (withoutPlus(trigger.recipient).equals(digits)) {
                return Optional.of(trigger);
            }
        }
        return Optional.empty();
    }

    static String withoutPlus(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
