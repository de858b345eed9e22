package io.kaleyracta.connector.status;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A WhatsApp message's fate as Kaleyra reports it, in business order. SENT, DELIVERED and READ are steps of one
 * progress chain: a later step implies the earlier ones, so a wait for DELIVERED is satisfied by READ (Kaleyra and
 * Meta do not promise to send every step, nor in order). FAILED (Meta or the device refused) and NOT-SENT (Kaleyra
 * never passed the message to Meta) are final: nothing follows them, so they end every wait.
 *
 * <p>TAPPED is not from Kaleyra: the customer tapped the button of a message sent with "Track taps" (see
 * {@code io.kaleyracta.connector.tracking}). It tops the progress chain, since a tap proves the message was delivered
 * and seen: a wait for READ ends on a tap too (customers who turned read receipts off never send READ, but they tap),
 * while READ does not end a wait for TAPPED. It is not final: it does not end a wait for FAILED alone, and FAILED
 * and NOT-SENT still end a wait for TAPPED (the journey need not wait for a tap that cannot come). When a tap and a
 * final status are both stored, the tap ends the wait: it is the customer's own act, whatever a report says.
 */
public enum DeliveryStatus {
  SENT("SENT", 1, false),
  DELIVERED("DELIVERED", 2, false),
  READ("READ", 3, false),
  TAPPED("TAPPED", 20, false),
  FAILED("FAILED", 10, true),
  NOT_SENT("NOT-SENT", 11, true);

  private final String wireName;
  private final int rank;
  private final boolean terminal;

  DeliveryStatus(String wireName, int rank, boolean terminal) {
    this.wireName = wireName;
    this.rank = rank;
    this.terminal = terminal;
  }

  /** The name Kaleyra uses and the value of the process variable {@code kaleyraStatus}, e.g. {@code NOT-SENT}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Position in business order: final statuses rank above Kaleyra's steps of the progress chain, a tap above all.
   */
  public int rank() {
    return rank;
  }

  /** FAILED and NOT-SENT: nothing follows them. */
  public boolean isFinal() {
    return terminal;
  }

  /**
   * True when a message that reached this status has passed a wait for {@code wanted}: it is one of them, a later
   * step of the progress chain than one of them, or final.
   */
  public boolean satisfies(Set<DeliveryStatus> wanted) {
    if (terminal || wanted.contains(this)) {
      return true;
    }
    return wanted.stream().anyMatch(w -> !w.terminal && w.rank < rank);
  }

  /** Kaleyra's and Meta's spellings, case-insensitive: {@code sent}, {@code NOT-SENT}, {@code not_sent}, ... */
  public static Optional<DeliveryStatus> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String normalized = text.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    for (DeliveryStatus status : values()) {
      if (status.wireName.equals(normalized)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
