package io.kaleyracta.sandbox;

import java.time.Instant;

/**
 * A status callback the sandbox delivered (or tried to).
 *
 * @param messageId the accepted message's id (the 202's {@code message_id})
 * @param status the status as sent ({@code sent}, {@code delivered}, {@code read}, {@code failed}, {@code NOT-SENT})
 * @param errorCode Meta's error code for {@code failed}, else {@code null}
 * @param httpStatus the receiver's answer after the last attempt, or {@code -1} when it could not be reached
 * @param attempts how many times it was sent (the sandbox retries non-2xx answers like Kaleyra)
 * @param sentAt when the last attempt was made
 */
public record SentCallback(String messageId, String status, Integer errorCode, int httpStatus, int attempts,
                           Instant sentAt) {

    /** True when the receiver acknowledged it with 2xx. */
    public boolean acknowledged() {
        return httpStatus >= 200 && httpStatus < 300;
    }
}
