package io.kaleyracta.connector.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One status of one message, as a callback reported it: the unit that is stored and correlated.
 *
 * @param messageIds every id the callback carried for this message (top-level {@code message_id},
 *     {@code extra_info.message_id}, {@code statuses[].id}), without duplicates, never empty: Kaleyra does not
 *     document which one it repeats, so a wait matches on any of them
 * @param status the status
 * @param time when it happened (Meta's timestamp), or when it was received if the callback had none
 * @param errorCode Meta's error code for FAILED (e.g. {@code 131047}), else {@code null}
 * @param errorTitle Meta's error title for FAILED, else {@code null}
 * @param ref {@code extra_info.ref} as sent, or {@code null}; {@code ref1}, {@code ref2} likewise
 */
public record StatusEvent(List<String> messageIds, DeliveryStatus status, Instant time, String errorCode,
    String errorTitle, String ref, String ref1, String ref2) {

  public StatusEvent {
    messageIds = List.copyOf(messageIds);
    if (messageIds.isEmpty()) {
      throw new IllegalArgumentException("a status event needs at least one message id");
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(time, "time");
  }
}
