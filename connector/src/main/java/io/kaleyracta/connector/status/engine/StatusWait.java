package io.kaleyracta.connector.status.engine;

import io.kaleyracta.connector.status.DeliveryStatus;
import io.kaleyracta.connector.status.StatusEvent;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract of a "Wait for WhatsApp status" receive task: its two local inputs, the variables it sets when the
 * wait ends, and which stored status ends it.
 */
public final class StatusWait {

  /** Input: the message id to wait for, usually {@code ${kaleyraMessageId}} (the send task's result variable). */
  public static final String MESSAGE_ID = "kaleyraWaitMessageId";

  /** Input: the statuses that end the wait, comma-separated, e.g. {@code READ} or {@code DELIVERED, READ}. */
  public static final String STATUSES = "kaleyraWaitStatuses";

  /**
   * Output: the status that ended the wait ({@code SENT}, {@code DELIVERED}, {@code READ}, {@code TAPPED},
   * {@code FAILED}, {@code NOT-SENT}).
   */
  public static final String STATUS = "kaleyraStatus";

  /** Output: when that status happened (a {@link Date}). */
  public static final String STATUS_TIME = "kaleyraStatusTime";

  /** Output: Meta's error code for FAILED (e.g. {@code 131047}), else {@code null}. */
  public static final String ERROR_CODE = "kaleyraStatusErrorCode";

  /** Output: Meta's error title for FAILED, else {@code null}. */
  public static final String ERROR_TITLE = "kaleyraStatusErrorTitle";

  private StatusWait() {
  }

  /**
   * The statuses a wait names. Blank means READ.
   *
   * @throws IllegalArgumentException naming the input and the unknown value
   */
  public static Set<DeliveryStatus> wanted(Object statuses) {
    if (statuses == null || statuses.toString().isBlank()) {
      return EnumSet.of(DeliveryStatus.READ);
    }
    Set<DeliveryStatus> wanted = EnumSet.noneOf(DeliveryStatus.class);
    for (String name : statuses.toString().split("[,;\\s]+")) {
      if (name.isBlank()) {
        continue;
      }
      wanted.add(DeliveryStatus.parse(name).orElseThrow(() -> new IllegalArgumentException(STATUSES + " names '"
          + name + "', which is not a WhatsApp status; use SENT, DELIVERED, READ, TAPPED, FAILED or NOT-SENT")));
    }
    return wanted;
  }

  /**
   * The stored status that ends a wait for {@code wanted}: of those that satisfy it, the most advanced in business
   * order (a final one before READ, a tap before all), so that out-of-order callbacks end the wait as if they had come in order.
   */
  public static Optional<StatusEvent> ending(List<StatusEvent> stored, Set<DeliveryStatus> wanted) {
    return stored.stream().filter(event -> event.status().satisfies(wanted))
        .max(Comparator.comparingInt((StatusEvent event) -> event.status().rank())
            .thenComparing(StatusEvent::time, Comparator.reverseOrder()));
  }

  /** The process variables a wait ends with. */
  public static Map<String, Object> variables(StatusEvent status) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(STATUS, status.status().wireName());
    variables.put(STATUS_TIME, Date.from(status.time()));
    variables.put(ERROR_CODE, status.errorCode());
    variables.put(ERROR_TITLE, status.errorTitle());
    return variables;
  }
}
